import { dayNumber } from '../dates/iso-date.js';
import type { AvailabilityException, ScheduleInput, Weekday } from './availability.js';
import type { InstantString } from './instant.js';
import { prepareSchedule } from './prepare-schedule.js';
import type { ZoneCalendar } from './zone-calendar.js';

export interface TimeSpan {
  start: InstantString;
  end: InstantString;
}

export interface CalendarHours {
  /** When each practitioner can be booked here: their hours within the opening hours, less time off and closures. */
  practitioners: { id: string; working: TimeSpan[] }[];
  /** When the location is open: its opening hours (every hour when it sets none) less its closures. */
  open: TimeSpan[];
  /** Closures of the whole location that overlap the window, with why. */
  closures: (TimeSpan & { reason: string | null })[];
}

const allWeek = Object.fromEntries(
  ([1, 2, 3, 4, 5, 6, 7] as Weekday[]).map((d) => [d, [{ start: '00:00', end: '24:00' }]]),
);
/** As every other instant the API gives (ISO 8601 in UTC, with milliseconds), so they compare as text. */
const iso = (ms: number) => new Date(ms).toISOString();
/** Stands for the location itself: working every hour, it is left with the opening hours less closures. */
const locationProbe = '\u0000location';

function closureSpan(calendar: ZoneCalendar, closure: AvailabilityException): [number, number] {
  return closure.kind === 'days'
    ? [calendar.day(dayNumber(closure.from)).startMs, calendar.day(dayNumber(closure.to)).endMs]
    : [calendar.localDateTimeToMs(closure.start), calendar.localDateTimeToMs(closure.end)];
}

/** Spans clipped to the window, touching ones joined (a day's 24:00 is the next day's 00:00). */
function joined(spans: readonly (readonly [number, number])[], fromMs: number, toMs: number): TimeSpan[] {
  const out: [number, number][] = [];
  for (const [a, b] of spans) {
    const start = Math.max(a, fromMs);
    const end = Math.min(b, toMs);
    if (start >= end) continue;
    const last = out.at(-1);
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else out.push([start, end]);
  }
  return out.map(([start, end]) => ({ start: iso(start), end: iso(end) }));
}

/**
 * What a calendar shades between two instants: when each practitioner works at the location and
 * when the location is open, as instants (so any viewer's zone shows them right), and its closures.
 * Bookings play no part. Throws RangeError on malformed availability, as prepareSchedule does.
 */
export function calendarHours(input: ScheduleInput, window: { fromMs: number; toMs: number }): CalendarHours {
  const schedule = prepareSchedule({
    ...input,
    practitioners: [...input.practitioners, { practitionerId: locationProbe, weeklyHours: allWeek }],
    bookings: [],
  });
  const cal = schedule.calendar;
  const { fromMs, toMs } = window;
  const days: number[] = [];
  if (toMs > fromMs) for (let d = cal.dayOf(fromMs); d <= cal.dayOf(toMs - 1); d++) days.push(d);
  const spansOf = (index: number) =>
    joined(
      days.flatMap((d) => schedule.workIntervals(index, d)),
      fromMs,
      toMs,
    );

  const probe = schedule.practitionerIndex(locationProbe);
  const practitioners = schedule.practitioners.flatMap((p, i) =>
    i === probe ? [] : [{ id: p.id, working: spansOf(i) }],
  );
  const closures = (input.location.closures ?? []).flatMap((c) => {
    const [start, end] = closureSpan(cal, c);
    if (end <= fromMs || start >= toMs) return [];
    return [{ start: iso(start), end: iso(end), reason: c.reason ?? null }];
  });
  closures.sort((a, b) => a.start.localeCompare(b.start));
  return { practitioners, open: spansOf(probe), closures };
}
