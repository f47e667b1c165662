import { dayNumber, type IsoDate } from '../dates/iso-date.js';
import type { ClinicLocation } from './availability.js';
import { parseSpans, parseWallTime } from './wall-clock.js';
import { ZoneCalendar } from './zone-calendar.js';

export type LocationClosed =
  /** A closure of the whole location (a holiday, say) covers the time. */
  | { why: 'closure'; date: IsoDate; reason: string | null }
  /** The location's opening hours leave the time out. */
  | { why: 'outside_opening_hours'; date: IsoDate; time: string };

/**
 * Whether the location is closed at an instant, and why: a person dropping a session on a holiday
 * should read "closed for the holiday", not that the practitioner is away.
 */
export function locationClosedAt(location: ClinicLocation, ms: number): LocationClosed | undefined {
  const cal = new ZoneCalendar(location.timeZone);
  const local = cal.local(ms);
  for (const c of location.closures ?? []) {
    const covers =
      c.kind === 'days'
        ? local.date >= c.from && local.date <= c.to
        : cal.localDateTimeToMs(c.start) <= ms && ms < cal.localDateTimeToMs(c.end);
    if (covers) return { why: 'closure', date: local.date, reason: c.reason ?? null };
  }
  if (!location.openingHours) return undefined;
  const weekday = cal.day(dayNumber(local.date)).weekday;
  const spans = parseSpans(location.openingHours[weekday] ?? [], `location ${location.id} opening hours`);
  const minute = parseWallTime(local.time);
  return spans.some((s) => s.start <= minute && minute < s.end)
    ? undefined
    : { why: 'outside_opening_hours', date: local.date, time: local.time };
}
