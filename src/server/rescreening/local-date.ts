/** One formatter per zone: building an `Intl.DateTimeFormat` costs far more than formatting with it. */
const formatters = new Map<string, Intl.DateTimeFormat | null>();
/** Results by zone and instant: sessions sit on a few slot times, so a re-screening run asks for the same ones again and again. */
const dates = new Map<string, string>();
const maxRemembered = 10_000;

function formatterFor(timeZone: string): Intl.DateTimeFormat | null {
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
      });
    } catch {
      formatter = null;
    }
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

function compute(instant: string, timeZone: string): string {
  const at = Date.parse(instant);
  if (Number.isNaN(at)) throw new RangeError(`not an instant: "${instant}"`);
  const formatter = formatterFor(timeZone);
  if (!formatter) return new Date(at).toISOString().slice(0, 10);
  let year = '';
  let month = '';
  let day = '';
  for (const part of formatter.formatToParts(at)) {
    if (part.type === 'year') year = part.value;
    else if (part.type === 'month') month = part.value;
    else if (part.type === 'day') day = part.value;
  }
  return `${year.padStart(4, '0')}-${month}-${day}`;
}

/**
 * The calendar date of an instant where the clinic is: a session at 23:30 in Berlin is on that
 * day, not on the UTC day, and waits ("7 days after an NSAID") count in local days. An unknown
 * zone (a stored value an older version accepted) falls back to UTC rather than failing a screening.
 */
export function localDate(instant: string, timeZone: string): string {
  const key = `${timeZone}\u0000${instant}`;
  let date = dates.get(key);
  if (date === undefined) {
    date = compute(instant, timeZone);
    // Bounded: a long-running server must not keep every instant it ever screened.
    if (dates.size >= maxRemembered) dates.clear();
    dates.set(key, date);
  }
  return date;
}
