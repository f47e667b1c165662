import { addDays, dayNumber, fromDayNumber, type IsoDate } from '../dates/iso-date.js';

/** An ISO 8601 week: Monday to Sunday, numbered within the year that holds its Thursday. */
export interface IsoWeek {
  /** E.g. `2026-W49`. */
  id: string;
  monday: IsoDate;
  sunday: IsoDate;
}

/** Monday 0 ... Sunday 6; 1970-01-01, day 0, was a Thursday. */
function weekday(day: number): number {
  return (((day + 3) % 7) + 7) % 7;
}

/** Weeks by date: a clinic's sessions fall on a few hundred dates, each asked for many times. */
const weeks = new Map<IsoDate, IsoWeek>();
const maxRemembered = 10_000;

export function isoWeekOf(date: IsoDate): IsoWeek {
  let week = weeks.get(date);
  if (week === undefined) {
    week = computeWeek(date);
    if (weeks.size >= maxRemembered) weeks.clear();
    weeks.set(date, week);
  }
  return week;
}

function computeWeek(date: IsoDate): IsoWeek {
  const day = dayNumber(date);
  const monday = day - weekday(day);
  const thursday = fromDayNumber(monday + 3);
  const year = thursday.slice(0, 4);
  const number = Math.floor((monday + 3 - dayNumber(`${year}-01-01`)) / 7) + 1;
  return {
    id: `${year}-W${String(number).padStart(2, '0')}`,
    monday: fromDayNumber(monday),
    sunday: fromDayNumber(monday + 6),
  };
}

/** The week `weeks` after (negative: before) the one holding `date`. */
export function shiftWeek(date: IsoDate, weeks: number): IsoWeek {
  return isoWeekOf(addDays(isoWeekOf(date).monday, weeks * 7));
}
