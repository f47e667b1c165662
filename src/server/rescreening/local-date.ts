import { Temporal } from 'temporal-polyfill';

/**
 * The calendar date of an instant where the clinic is: a session at 23:30 in Berlin is on that
 * day, not on the UTC day, and waits ("7 days after an NSAID") count in local days. An unknown
 * zone (a stored value an older version accepted) falls back to UTC rather than failing a screening.
 */
export function localDate(instant: string, timeZone: string): string {
  const at = Temporal.Instant.from(instant);
  try {
    return at.toZonedDateTimeISO(timeZone).toPlainDate().toString();
  } catch {
    return at.toZonedDateTimeISO('UTC').toPlainDate().toString();
  }
}
