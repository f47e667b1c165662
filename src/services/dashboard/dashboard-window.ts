import { Temporal } from 'temporal-polyfill';
import { addDays, dayNumber, fromDayNumber, isIsoDate, type IsoDate } from '../../core/dates/iso-date.js';
import { localDate } from '../../core/dates/local-date.js';
import { ZoneCalendar } from '../../core/scheduling/zone-calendar.js';
import type { DashboardQuery, OffsetPiece } from '../../storage/repositories/dashboard-repository.js';
import { invalidField } from '../domain-errors.js';

/** Days the dashboard shows unless told: the last 30, today included. */
export const defaultWindowDays = 30;
/** The longest window: a leap year, so that "this year" always fits. */
export const maxWindowDays = 366;

export interface DashboardWindow {
  /** First and last clinic-local dates, both included. */
  from: IsoDate;
  to: IsoDate;
  /** Every date of the window, in order. */
  days: IsoDate[];
  timeZone: string;
  /** The window as the repository reads it: instants and the zone's offsets over them. */
  query: DashboardQuery;
}

/**
 * The offsets `timeZone` has between two instants, one piece per stretch without a change. A year
 * has at most a few, so a row's local date is one comparison or two away.
 */
export function offsetPieces(timeZone: string, fromMs: number, toMs: number): OffsetPiece[] {
  const pieces: OffsetPiece[] = [];
  let at = Temporal.Instant.fromEpochMilliseconds(fromMs).toZonedDateTimeISO(timeZone);
  for (;;) {
    const offsetMinutes = Math.round(at.offsetNanoseconds / 60e9);
    const next = at.getTimeZoneTransition('next');
    const untilMs = next === null ? toMs : Math.min(next.epochMilliseconds, toMs);
    const last = pieces.at(-1);
    // A transition that changes only the zone's name keeps the offset: one piece.
    if (last && last.offsetMinutes === offsetMinutes) last.until = new Date(untilMs).toISOString();
    else pieces.push({ until: new Date(untilMs).toISOString(), offsetMinutes });
    if (next === null || untilMs >= toMs) return pieces;
    at = next;
  }
}

/**
 * The window asked for, in clinic-local dates: `from`..`to` both included, the last 30 days up to
 * today when neither is given, 30 days from `from` or up to `to` when one is. At most 366 days;
 * `to` not before `from` (400 naming the field otherwise).
 */
export function dashboardWindow(
  input: { from?: string | undefined; to?: string | undefined },
  clinic: { clinicId: string; timeZone: string },
  now: Date,
): DashboardWindow {
  for (const field of ['from', 'to'] as const) {
    const value = input[field];
    if (value !== undefined && !isIsoDate(value)) throw invalidField(field, 'must be an ISO date (YYYY-MM-DD)');
  }
  const today = localDate(now.toISOString(), clinic.timeZone);
  const span = defaultWindowDays - 1;
  const to = input.to ?? (input.from === undefined ? today : addDays(input.from, span));
  const from = input.from ?? addDays(to, -span);
  if (to < from) throw invalidField('to', 'must not be before from');
  const length = dayNumber(to) - dayNumber(from) + 1;
  if (length > maxWindowDays)
    throw invalidField('to', `the window may hold at most ${maxWindowDays} days; this one holds ${length}`);

  const calendar = new ZoneCalendar(clinic.timeZone);
  const fromMs = calendar.day(dayNumber(from)).startMs;
  const toMs = calendar.day(dayNumber(to)).endMs;
  const days: IsoDate[] = [];
  for (let day = dayNumber(from); day <= dayNumber(to); day++) days.push(fromDayNumber(day));
  return {
    from,
    to,
    days,
    timeZone: clinic.timeZone,
    query: {
      clinicId: clinic.clinicId,
      from: new Date(fromMs).toISOString(),
      to: new Date(toMs).toISOString(),
      offsets: offsetPieces(clinic.timeZone, fromMs, toMs),
    },
  };
}
