import { invalidField } from '../domain-errors.js';

/**
 * How far from today a session may be booked or moved to, time off entered, or a course searched
 * from: a year back (sessions recorded late) to five years ahead (a long course with its maintenance
 * sessions). Beyond it a date is a typo, and far enough out the clinic calendar cannot compute it.
 */
export const bookingWindow = { yearsBack: 1, yearsAhead: 5 } as const;

const DAY_MS = 86_400_000;

function yearsFrom(now: Date, years: number): string {
  const date = new Date(now.getTime());
  date.setUTCFullYear(date.getUTCFullYear() + years);
  return date.toISOString().slice(0, 10);
}

const outside = (field: string, { from, to }: { from: string; to: string }) =>
  invalidField(
    field,
    `must be between ${from} and ${to} (from ${bookingWindow.yearsBack} year ago to ${bookingWindow.yearsAhead} years ahead)`,
  );

/** The first and last calendar dates (UTC) inside the window around `now`. */
export function bookingWindowDates(now: Date): { from: string; to: string } {
  return { from: yearsFrom(now, -bookingWindow.yearsBack), to: yearsFrom(now, bookingWindow.yearsAhead) };
}

/** 400 naming `field` unless `ms` falls on a day inside the window around now. */
export function assertWithinBookingWindow(field: string, ms: number, nowMs: number): void {
  const dates = bookingWindowDates(new Date(nowMs));
  const fromMs = Date.parse(`${dates.from}T00:00:00Z`);
  const untilMs = Date.parse(`${dates.to}T00:00:00Z`) + DAY_MS;
  if (!(ms >= fromMs && ms < untilMs)) throw outside(field, dates);
}

/** The same for a calendar date (`YYYY-MM-DD`): time off, the first day of a search. */
export function assertDateWithinBookingWindow(field: string, date: string, nowMs: number): void {
  const dates = bookingWindowDates(new Date(nowMs));
  if (!(date >= dates.from && date <= dates.to)) throw outside(field, dates);
}
