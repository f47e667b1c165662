import { addDays } from '../core/dates/iso-date.js';

/*
 * Dates for fixtures that must stay inside the windows the routes hold dates to (bookings a year
 * back to five years ahead, lot expiry a year back to ten years ahead) whatever day the tests run:
 * counted from today by the real clock, which the test apps run on.
 */

/** Today's calendar date in UTC. */
export function todayIso(): string {
  return new Date().toISOString().slice(0, 10);
}

/** The calendar date (UTC) `days` days from today; negative for the past. */
export function daysFromToday(days: number): string {
  return addDays(todayIso(), days);
}

/**
 * The first Monday of January `years` years on, `offset` days later: far enough ahead that nothing
 * else of a fixture is booked then, still in winter time in Europe for two months, and inside the
 * booking window's five years ahead for `years` up to 4 whatever today is.
 */
export function januaryMonday(years: number, offset = 0): string {
  const year = new Date().getUTCFullYear() + years;
  const weekday = new Date(Date.UTC(year, 0, 1)).getUTCDay();
  const firstMonday = 1 + ((8 - weekday) % 7);
  return new Date(Date.UTC(year, 0, firstMonday + offset)).toISOString().slice(0, 10);
}
