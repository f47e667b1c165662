import ical, { ICalEventStatus } from 'ical-generator';
import { Temporal } from 'temporal-polyfill';
import { zoneDefinition } from './vtimezone.js';

/** One appointment as a calendar shows it; nothing clinical goes into a feed that phones sync. */
export interface CalendarEvent {
  /** The session id; the UID stays stable across moves, so calendar apps update rather than duplicate. */
  id: string;
  start: string;
  end: string;
  /** IANA zone of the session's location: events carry TZID and the feed its VTIMEZONE. */
  timeZone: string;
  summary: string;
  location?: string;
  description?: string;
  updatedAt: string;
}

/** An iCalendar (RFC 5545) document with one VEVENT per session and a VTIMEZONE per zone used. */
export function buildCalendar(name: string, events: readonly CalendarEvent[]): string {
  const calendar = ical({
    name,
    prodId: { company: 'mesodesk', product: 'mesodesk', language: 'EN' },
    // No calendar-wide zone name: DTSTAMP and friends then stay in UTC, as RFC 5545 wants.
    timezone: { name: null, generator: (zone) => zoneDefinition(zone)?.vtimezone ?? null },
  });
  for (const event of events) {
    const [start, end] = [event.start, event.end].map((instant) =>
      Temporal.Instant.from(instant).toZonedDateTimeISO(event.timeZone),
    ) as [Temporal.ZonedDateTime, Temporal.ZonedDateTime];
    // A local time the clock shows twice (autumn) is read differently by different clients (RFC 5545
    // says the first showing; ical.js takes the second), so such an event is written in UTC instead;
    // so is one whose zone has no VTIMEZONE, or whose date the zone's current rules misplace.
    const unambiguous = (t: Temporal.ZonedDateTime) =>
      (['earlier', 'later'] as const).every(
        (disambiguation) =>
          t.toPlainDateTime().toZonedDateTime(event.timeZone, { disambiguation }).epochNanoseconds ===
          t.epochNanoseconds,
      );
    const zone = event.timeZone === 'UTC' ? undefined : zoneDefinition(event.timeZone);
    const local = zone !== undefined && [start, end].every((t) => unambiguous(t) && zone.reads(t));
    calendar.createEvent({
      id: `${event.id}@mesodesk`,
      start: local ? start : start.withTimeZone('UTC'),
      end: local ? end : end.withTimeZone('UTC'),
      timezone: local ? event.timeZone : 'UTC',
      summary: event.summary,
      ...(event.location ? { location: event.location } : {}),
      ...(event.description ? { description: event.description } : {}),
      stamp: new Date(event.updatedAt),
      lastModified: new Date(event.updatedAt),
      status: ICalEventStatus.CONFIRMED,
    });
  }
  return calendar.toString();
}
