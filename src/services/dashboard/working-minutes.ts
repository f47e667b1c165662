import { dayNumber, type IsoDate } from '../../core/dates/iso-date.js';
import type { Weekday } from '../../core/scheduling/availability.js';
import { Timeline } from '../../core/scheduling/timeline.js';
import { intersectSpans, parseSpans, type MinuteSpan } from '../../core/scheduling/wall-clock.js';
import { ZoneCalendar } from '../../core/scheduling/zone-calendar.js';
import type { ClinicAvailability } from '../../storage/repositories/dashboard-repository.js';
import { toWeeklyHours, weeklyHours } from '../scheduling/availability-fields.js';

/**
 * The working time utilisation is measured against, per practitioner and per room, over a window of
 * local dates: what the course finder would offer (src/core/scheduling), with nothing booked.
 *
 * - A practitioner: their weekly hours at each location, inside its opening hours, less their time
 *   off and the location's closures.
 * - A room: its location's opening hours less closures; where a location keeps no opening hours
 *   (it is "always open" to the finder), the hours of the practitioners who may use the room,
 *   joined, since a room nobody can work in is not time lost.
 */
export interface WorkingMinutes {
  practitioners: Map<string, { name: string; minutes: number }>;
  rooms: Map<string, number>;
}

type WeekSpans = readonly (readonly MinuteSpan[])[];
type Interval = readonly [number, number];

const MS_PER_MINUTE = 60_000;
const weekdays: readonly Weekday[] = [1, 2, 3, 4, 5, 6, 7];

/** Spans per weekday (index 1-7), or undefined for stored hours that do not validate (skipped). */
function weekSpans(stored: unknown): WeekSpans | undefined {
  const parsed = weeklyHours.safeParse(stored);
  if (!parsed.success) return undefined;
  const week = toWeeklyHours(parsed.data);
  try {
    return [[], ...weekdays.map((wd) => parseSpans(week[wd] ?? [], `weekday ${wd}`))];
  } catch {
    return undefined;
  }
}

/** Minutes covered by intervals that may overlap. */
function unionMinutes(intervals: Interval[]): number {
  intervals.sort((x, y) => x[0] - y[0]);
  let total = 0;
  let start = -Infinity;
  let end = -Infinity;
  for (const [s, e] of intervals) {
    if (s > end) {
      total += end - start > 0 ? end - start : 0;
      start = s;
      end = e;
    } else end = Math.max(end, e);
  }
  total += end - start > 0 ? end - start : 0;
  return total / MS_PER_MINUTE;
}

type Exception = ClinicAvailability['exceptions'][number];

/** Time off as instants, flat (start, end, ...); an exception that does not parse is left out. */
function exceptionInstants(list: readonly Exception[], calendar: ZoneCalendar): number[] {
  const flat: number[] = [];
  for (const ex of list) {
    try {
      if (ex.kind === 'days') flat.push(calendar.day(dayNumber(ex.from)).startMs, calendar.day(dayNumber(ex.to)).endMs);
      else flat.push(calendar.localDateTimeToMs(ex.start), calendar.localDateTimeToMs(ex.end));
    } catch {
      // Damaged stored data: counting the time as worked is the lesser error on a dashboard.
    }
  }
  return flat;
}

/** The working intervals of one weekly pattern over the window's days, after time off. */
function intervalsOver(
  spans: WeekSpans,
  timeOff: Timeline,
  calendar: ZoneCalendar,
  firstDay: number,
  lastDay: number,
): Interval[] {
  const out: Interval[] = [];
  for (let day = firstDay; day <= lastDay; day++) {
    for (const span of spans[calendar.day(day).weekday] ?? [])
      out.push(...timeOff.freeWithin(calendar.wallToMs(day, span.start), calendar.wallToMs(day, span.end)));
  }
  return out;
}

const minutesOf = (intervals: readonly Interval[]) =>
  intervals.reduce((sum, [s, e]) => sum + (e - s), 0) / MS_PER_MINUTE;

export function workingMinutes(
  availability: ClinicAvailability,
  window: { from: IsoDate; to: IsoDate },
): WorkingMinutes {
  const firstDay = dayNumber(window.from);
  const lastDay = dayNumber(window.to);
  const calendars = new Map<string, ZoneCalendar>();
  const calendarFor = (zone: string) => {
    let calendar = calendars.get(zone);
    if (!calendar) calendars.set(zone, (calendar = new ZoneCalendar(zone)));
    return calendar;
  };
  const practitioners = new Map<string, { name: string; minutes: number }>();
  const rooms = new Map<string, number>();

  for (const location of availability.locations) {
    let calendar: ZoneCalendar;
    try {
      calendar = calendarFor(location.timeZone);
    } catch {
      continue;
    }
    const here = availability.exceptions.filter((e) => e.locationId === location.id);
    const closures = exceptionInstants(
      here.filter((e) => e.practitionerId === null),
      calendar,
    );
    const stored = availability.openingHours.find((o) => o.locationId === location.id);
    const opening = stored ? weekSpans(stored.weeklyHours) : undefined;
    const roomIds = availability.rooms.filter((r) => r.locationId === location.id).map((r) => r.id);
    const usedBy = new Map<string, Interval[]>(roomIds.map((id) => [id, []]));

    for (const entry of availability.hours.filter((h) => h.locationId === location.id)) {
      const own = weekSpans(entry.weeklyHours);
      if (!own) continue;
      const spans = opening ? own.map((day, wd) => (wd === 0 ? day : intersectSpans(day, opening[wd] ?? []))) : own;
      const timeOff = Timeline.fromFlat([
        ...closures,
        ...exceptionInstants(
          here.filter((e) => e.practitionerId === entry.practitionerId),
          calendar,
        ),
      ]);
      const intervals = intervalsOver(spans, timeOff, calendar, firstDay, lastDay);
      const seen = practitioners.get(entry.practitionerId);
      practitioners.set(entry.practitionerId, {
        name: entry.practitionerName,
        minutes: (seen?.minutes ?? 0) + minutesOf(intervals),
      });
      const allowed = Array.isArray(entry.roomIds)
        ? entry.roomIds.filter((id): id is string => typeof id === 'string')
        : roomIds;
      for (const id of allowed) usedBy.get(id)?.push(...intervals);
    }

    const open = opening ? intervalsOver(opening, Timeline.fromFlat(closures), calendar, firstDay, lastDay) : undefined;
    for (const id of roomIds) rooms.set(id, open ? minutesOf(open) : unionMinutes(usedBy.get(id) ?? []));
  }
  return { practitioners, rooms };
}
