import type { IsoDate } from './iso-date.js';

/** One formatter per zone: building an `Intl.DateTimeFormat` costs far more than formatting with it. */
const formatters = new Map<string, Intl.DateTimeFormat>();
/** Dates by zone and instant: sessions sit on a few slot times, so a re-screening run asks for the same ones again and again. */
const dates = new Map<string, IsoDate>();
const maxRemembered = 10_000;

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (formatter === undefined) {
    try {
      formatter = new Intl.DateTimeFormat('en-US', {
        timeZone,
        calendar: 'iso8601',
        numberingSystem: 'latn',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      });
    } catch {
      throw new RangeError(`unknown time zone: ${timeZone}`);
    }
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

function instantMs(instant: string): number {
  const at = Date.parse(instant);
  if (Number.isNaN(at)) throw new RangeError(`not an instant: "${instant}"`);
  return at;
}

/**
 * The calendar date (YYYY-MM-DD) and 24-hour wall-clock time (HH:MM) of an instant where the clinic is.
 * Throws RangeError for an unknown zone: every zone is checked when a location is saved, so an unknown
 * one is damaged data, and reading the day in UTC instead would move a session (and the waits counted
 * from it) to another day without anyone noticing.
 */
export function localDateTime(instant: string | number, timeZone: string): { date: IsoDate; time: string } {
  const at = typeof instant === 'number' ? instant : instantMs(instant);
  const parts: Partial<Record<Intl.DateTimeFormatPartTypes, string>> = {};
  for (const part of formatterFor(timeZone).formatToParts(at)) parts[part.type] = part.value;
  return {
    date: `${(parts.year ?? '').padStart(4, '0')}-${parts.month}-${parts.day}`,
    time: `${parts.hour}:${parts.minute}`,
  };
}

/**
 * The calendar date of an instant where the clinic is: a session at 23:30 in Berlin is on that
 * day, not on the UTC day, and waits ("7 days after an NSAID") count in local days. Throws
 * RangeError for an unknown zone or a text that is not an instant (see `localDateTime`).
 */
export function localDate(instant: string, timeZone: string): IsoDate {
  const key = `${timeZone}\u0000${instant}`;
  let date = dates.get(key);
  if (date === undefined) {
    date = localDateTime(instant, timeZone).date;
    // Bounded: a long-running server must not keep every instant it ever screened.
    if (dates.size >= maxRemembered) dates.clear();
    dates.set(key, date);
  }
  return date;
}
