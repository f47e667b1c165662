/**
 * Calendar-date arithmetic on ISO 8601 dates (YYYY-MM-DD), with no clock and no time zone:
 * clinical dates in an assessment are whole days, so UTC day numbers are exact.
 */

export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;
/** The Gregorian calendar repeats every 400 years, which are this many days. */
const DAYS_PER_400_YEARS = 146_097;

/**
 * Days since 1970-01-01 of year, month (0-based, may overflow) and day. `Date.UTC` reads the years
 * 0 to 99 as 1900 to 1999, so those are counted 400 years on and brought back.
 */
function utcDay(year: number, month0: number, day: number): number {
  if (year >= 0 && year < 100) return Date.UTC(year + 400, month0, day) / MS_PER_DAY - DAYS_PER_400_YEARS;
  return Date.UTC(year, month0, day) / MS_PER_DAY;
}

export function isIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
}

export function daysInMonth(year: number, month: number): number {
  return utcDay(year, month, 1) - utcDay(year, month - 1, 1);
}

function parts(date: IsoDate): [number, number, number] {
  const m = ISO_DATE.exec(date);
  if (!m) throw new RangeError(`not an ISO date: ${date}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

/** Days since 1970-01-01 for a calendar date. */
export function dayNumber(date: IsoDate): number {
  const [y, m, d] = parts(date);
  return utcDay(y, m - 1, d);
}

export function fromDayNumber(day: number): IsoDate {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(dayNumber(date) + days);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return dayNumber(to) - dayNumber(from);
}

/**
 * Adds calendar months. When the day does not exist in the target month (31 August + 6 months),
 * the result rolls to the first day of the following month: the later of the two readings, so a
 * waiting period is never cut short.
 */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const [y, m, d] = parts(date);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  if (d <= daysInMonth(year, month)) return fromDayNumber(utcDay(year, month - 1, d));
  return fromDayNumber(utcDay(year, month, 1));
}

/** Age in whole years on `on`; a 29 February birthday counts from 1 March in common years. */
export function ageInYears(birthDate: IsoDate, on: IsoDate): number {
  const [by, bm, bd] = parts(birthDate);
  const [y, m, d] = parts(on);
  let age = y - by;
  if (m < bm || (m === bm && d < bd)) age -= 1;
  return age;
}

export function laterDate(a: IsoDate | undefined, b: IsoDate | undefined): IsoDate | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return a >= b ? a : b;
}
