import { addMonths, type IsoDate } from '../../core/dates/iso-date.js';
import { invalidField } from '../http-errors.js';

/** How far before and after today a date given to a route may lie, in whole years. */
export interface DateWindow {
  readonly yearsBack: number;
  readonly yearsAhead: number;
}

/**
 * Filters over the clinic's own records (the schedule, calendar feeds, the audit log): ten years of
 * history, and up to the booking window's far end (five years ahead), where nothing lies beyond.
 */
export const recordSearchWindow: DateWindow = { yearsBack: 10, yearsAhead: 5 };

const years = (n: number) => `${n} year${n === 1 ? '' : 's'}`;

/** The first and last calendar dates (UTC) of `window` around `now`. */
export function windowDates(window: DateWindow, now: Date): { from: IsoDate; to: IsoDate } {
  const today = now.toISOString().slice(0, 10);
  return { from: addMonths(today, -12 * window.yearsBack), to: addMonths(today, 12 * window.yearsAhead) };
}

/** "from 10 years ago to 5 years ahead", for route descriptions and messages. */
export function describeWindow(window: DateWindow): string {
  return `from ${years(window.yearsBack)} ago to ${years(window.yearsAhead)} ahead`;
}

/** 400 naming `field` unless the calendar date lies in from..to (both included); `why` follows the dates. */
export function assertDateBetween(field: string, date: IsoDate, range: { from: IsoDate; to: IsoDate }, why = ''): void {
  if (!(date >= range.from && date <= range.to))
    throw invalidField(field, `must be between ${range.from} and ${range.to}${why ? ` (${why})` : ''}`);
}

/** 400 naming `field` unless the calendar date (`YYYY-MM-DD`) lies in `window` around `now`. */
export function assertDateInWindow(field: string, date: IsoDate, window: DateWindow, now: Date): void {
  assertDateBetween(field, date, windowDates(window, now), describeWindow(window));
}

/** The same for a timestamp normalised to UTC (as `isoTimestamp` gives it), by its UTC day. */
export function assertTimestampInWindow(field: string, timestamp: string, window: DateWindow, now: Date): void {
  assertDateInWindow(field, new Date(timestamp).toISOString().slice(0, 10), window, now);
}

/** 400 naming `toField` when both ends are given and it comes before `from` (same format, so text order). */
export function assertInOrder(
  from: string | undefined,
  to: string | undefined,
  fromField = 'from',
  toField = 'to',
): void {
  if (from !== undefined && to !== undefined && to < from)
    throw invalidField(toField, `must not be before ${fromField}`);
}

/** A query's `from` and `to` timestamps (either may be absent): each inside `window` around `now`, in order. */
export function assertTimestampFilter(
  query: { from?: string | undefined; to?: string | undefined },
  window: DateWindow,
  now: Date,
): void {
  if (query.from !== undefined) assertTimestampInWindow('from', query.from, window, now);
  if (query.to !== undefined) assertTimestampInWindow('to', query.to, window, now);
  assertInOrder(query.from, query.to);
}
