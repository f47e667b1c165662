import { dayNumber } from '../dates/iso-date.js';
import { localDateTime } from '../dates/local-date.js';
import type { Weekday } from '../scheduling/availability.js';
import { parseWallTime } from '../scheduling/wall-clock.js';
import type { TimeOfDaySpan } from '../records/index.js';

/** The days and local times a waiting patient can come (empty lists: any). */
export interface WaitingPreferences {
  weekdays: readonly number[];
  timesOfDay: readonly TimeOfDaySpan[];
}

/** An opened slot as the clinic's clock shows it. */
export interface LocalSlot {
  date: string;
  /** ISO weekday, 1 = Monday. */
  weekday: number;
  /** Minutes after local midnight. */
  startMinute: number;
  endMinute: number;
}

/** The ISO weekday (1 = Monday ... 7 = Sunday) of a calendar date; 1970-01-01 was a Thursday. */
export function isoWeekday(date: string): number {
  return ((((dayNumber(date) + 3) % 7) + 7) % 7) + 1;
}

/**
 * Where an instant and a length fall on the local clock of `timeZone`. A slot that runs past
 * midnight ends at 24:00 of its day: preferences are spans within one day.
 */
export function localSlot(startsAt: string, minutes: number, timeZone: string): LocalSlot {
  const start = localDateTime(startsAt, timeZone);
  const startMinute = parseWallTime(start.time);
  return {
    date: start.date,
    weekday: isoWeekday(start.date),
    startMinute,
    endMinute: Math.min(24 * 60, startMinute + Math.max(0, Math.round(minutes))),
  };
}

/**
 * Whether a patient who can come on `preferences` could take the slot: its weekday is one of theirs
 * and the whole slot lies in one of their time spans (each empty list allowing anything).
 */
export function slotSuits(preferences: WaitingPreferences, slot: LocalSlot): boolean {
  if (preferences.weekdays.length > 0 && !preferences.weekdays.includes(slot.weekday)) return false;
  if (preferences.timesOfDay.length === 0) return true;
  return preferences.timesOfDay.some(
    (span) => parseWallTime(span.start) <= slot.startMinute && slot.endMinute <= parseWallTime(span.end),
  );
}

/** Stored weekday numbers as the course finder's weekdays (anything outside 1-7 is dropped). */
export function asWeekdays(days: readonly number[]): Weekday[] {
  return days.filter((d): d is Weekday => Number.isInteger(d) && d >= 1 && d <= 7);
}
