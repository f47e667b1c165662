import { Temporal } from 'temporal-polyfill';

/**
 * Instants written as the patient reads a clock on the clinic's wall: in the clinic's zone and
 * language. Arithmetic stays on instants (real elapsed hours); only calendar steps ("the day
 * before") go through the zone, so both are right across daylight-saving changes.
 */
export interface LocalClock {
  /** "10:45" (or "10:45 AM" where the locale says so). */
  time(ms: number): string;
  /** "Wed 25 Nov, 10:45" */
  dayTime(ms: number): string;
  /** "Wed, 25 Nov 2026" */
  date(ms: number): string;
  /** Whether two instants fall on the same local calendar day. */
  sameDay(a: number, b: number): boolean;
  /** The same local clock time one calendar day earlier: 23 or 25 hours before across a change. */
  dayBefore(ms: number): number;
  /** Local calendar days from the day of `from` to the day of `to` (negative when `to` is earlier). */
  daysBetween(from: number, to: number): number;
}

/** Throws RangeError for an unknown zone or locale. */
export function localClock(timeZone: string, locale: string): LocalClock {
  const time = new Intl.DateTimeFormat(locale, { timeZone, hour: '2-digit', minute: '2-digit' });
  const dayTime = new Intl.DateTimeFormat(locale, {
    timeZone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
  });
  const date = new Intl.DateTimeFormat(locale, {
    timeZone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
  });
  const zoned = (ms: number) => Temporal.Instant.fromEpochMilliseconds(ms).toZonedDateTimeISO(timeZone);
  return {
    time: (ms) => time.format(ms),
    dayTime: (ms) => dayTime.format(ms),
    date: (ms) => date.format(ms),
    sameDay: (a, b) => zoned(a).toPlainDate().equals(zoned(b).toPlainDate()),
    dayBefore: (ms) => zoned(ms).subtract({ days: 1 }).epochMilliseconds,
    daysBetween: (from, to) => zoned(from).toPlainDate().until(zoned(to).toPlainDate(), { largestUnit: 'days' }).days,
  };
}

/** Real elapsed hours (fractions allowed): "48 hours" stays 48 hours across a change of the clocks. */
export function addHours(ms: number, hours: number): number {
  return Temporal.Instant.fromEpochMilliseconds(ms).add({ milliseconds: Math.round(hours * 3_600_000) })
    .epochMilliseconds;
}
