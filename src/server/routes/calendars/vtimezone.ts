import { Temporal } from 'temporal-polyfill';

/**
 * An RFC 5545 VTIMEZONE for an IANA zone over whole years, from Temporal's own zone data (no extra
 * package). Every offset change in the range is written as its own observance with a fixed
 * DTSTART, rather than guessing recurrence rules, so it is exact for the years it covers.
 */

function formatOffset(ns: number): string {
  const total = Math.round(ns / 1e9);
  const sign = total < 0 ? '-' : '+';
  const abs = Math.abs(total);
  const [h, m, s] = [Math.floor(abs / 3600), Math.floor((abs % 3600) / 60), abs % 60];
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${sign}${pad(h)}${pad(m)}${s ? pad(s) : ''}`;
}

/** The wall-clock reading of an instant at a given offset, as iCalendar's local DATE-TIME. */
function localAt(epochMs: number, offsetNs: number): string {
  return new Date(epochMs + Math.round(offsetNs / 1e6)).toISOString().slice(0, 19).replace(/[-:]/g, '');
}

function observance(kind: 'STANDARD' | 'DAYLIGHT', start: string, from: number, to: number): string[] {
  return [`BEGIN:${kind}`, `DTSTART:${start}`, `TZOFFSETFROM:${formatOffset(from)}`, `TZOFFSETTO:${formatOffset(to)}`, `END:${kind}`];
}

export function vtimezone(zone: string, fromYear: number, toYear: number): string {
  const start = Temporal.PlainDate.from({ year: fromYear, month: 1, day: 1 }).toZonedDateTime(zone);
  const endMs = Temporal.PlainDate.from({ year: toYear + 1, month: 1, day: 1 }).toZonedDateTime(zone).epochMilliseconds;
  const transitions: Temporal.ZonedDateTime[] = [];
  for (let next = start.getTimeZoneTransition('next'); next && next.epochMilliseconds < endMs; next = next.getTimeZoneTransition('next')) transitions.push(next);

  const lines = ['BEGIN:VTIMEZONE', `TZID:${zone}`];
  // The offset already in force when the range starts, so times before its first change resolve.
  const firstChange = transitions[0];
  const initialKind = firstChange && firstChange.offsetNanoseconds < start.offsetNanoseconds ? 'DAYLIGHT' : 'STANDARD';
  lines.push(...observance(initialKind, localAt(start.epochMilliseconds, start.offsetNanoseconds), start.offsetNanoseconds, start.offsetNanoseconds));
  let before = start.offsetNanoseconds;
  for (const change of transitions) {
    const after = change.offsetNanoseconds;
    lines.push(...observance(after > before ? 'DAYLIGHT' : 'STANDARD', localAt(change.epochMilliseconds, before), before, after));
    before = after;
  }
  lines.push('END:VTIMEZONE');
  return lines.join('\r\n');
}
