import { Temporal } from 'temporal-polyfill';
import { dayNumber, isIsoDate } from '../dates/iso-date.js';
import type { AvailabilityException, Booking, ScheduleInput, Weekday } from './availability.js';
import { parseInstant } from './instant.js';
import { Timeline } from './timeline.js';
import { intersectSpans, parseSpans, type MinuteSpan } from './wall-clock.js';
import { ZoneCalendar } from './zone-calendar.js';

export interface PreparedPractitioner {
  id: string;
  name?: string;
  /** Index = weekday (1-7); index 0 unused. Sorted, disjoint spans, within the location's opening hours. */
  weekly: readonly (readonly MinuteSpan[])[];
  /** Time off and location closures. */
  timeOff: Timeline;
  /** Existing bookings of this practitioner, at any location. */
  busy: Timeline;
  /** Indexes into `rooms`, in the practitioner's order of preference. */
  roomIndexes: readonly number[];
}

export interface PreparedRoom {
  id: string;
  busy: Timeline;
}

/** Working time of one practitioner on one local day, after time off: sorted [start, end) instants. */
export type WorkIntervals = readonly (readonly [number, number])[];

/**
 * The schedule indexed for searching: practitioners' and rooms' bookings as sorted timelines, weekly
 * hours parsed, time off turned into instants. Build it once with `prepareSchedule` and pass it to
 * many `findCourse` calls; it memoises per-day working time, which never changes its answers.
 */
export class PreparedSchedule {
  private readonly workCache: Map<number, WorkIntervals>[];
  private readonly indexById: ReadonlyMap<string, number>;

  constructor(
    readonly input: ScheduleInput,
    readonly calendar: ZoneCalendar,
    readonly practitioners: readonly PreparedPractitioner[],
    readonly rooms: readonly PreparedRoom[],
  ) {
    this.workCache = practitioners.map(() => new Map());
    this.indexById = new Map(practitioners.map((p, i) => [p.id, i]));
  }

  /** -1 when the practitioner does not work at this location. */
  practitionerIndex(id: string): number {
    return this.indexById.get(id) ?? -1;
  }

  roomIndex(id: string): number {
    return this.rooms.findIndex((r) => r.id === id);
  }

  workIntervals(practitioner: number, day: number): WorkIntervals {
    const cache = this.workCache[practitioner]!;
    let out = cache.get(day);
    if (!out) {
      const p = this.practitioners[practitioner]!;
      const spans = p.weekly[this.calendar.day(day).weekday]!;
      const list: Array<readonly [number, number]> = [];
      for (const span of spans) {
        for (const free of p.timeOff.freeWithin(
          this.calendar.wallToMs(day, span.start),
          this.calendar.wallToMs(day, span.end),
        ))
          list.push(free);
      }
      out = list;
      cache.set(day, out);
    }
    return out;
  }
}

export function isPreparedSchedule(value: unknown): value is PreparedSchedule {
  return value instanceof PreparedSchedule;
}

function exceptionsToFlat(
  list: readonly AvailabilityException[] | undefined,
  calendar: ZoneCalendar,
  what: string,
  into: number[],
): void {
  for (const ex of list ?? []) {
    if (ex.kind === 'days') {
      if (!isIsoDate(ex.from) || !isIsoDate(ex.to) || ex.to < ex.from)
        throw new RangeError(`${what}: bad day range ${ex.from}..${ex.to}`);
      into.push(calendar.day(dayNumber(ex.from)).startMs, calendar.day(dayNumber(ex.to)).endMs);
    } else {
      const start = ZoneCalendar.parseLocalDateTime(ex.start);
      const end = ZoneCalendar.parseLocalDateTime(ex.end);
      // Compared on the wall clock: a range lying wholly in a spring-forward gap is valid but lasts no time.
      if (Temporal.PlainDateTime.compare(end, start) <= 0)
        throw new RangeError(`${what}: time off ${ex.start}..${ex.end} must end after it starts`);
      into.push(calendar.localDateTimeToMs(start), calendar.localDateTimeToMs(end));
    }
  }
}

const WEEKDAYS: readonly Weekday[] = [1, 2, 3, 4, 5, 6, 7];

/** Validates the schedule and builds the search index. Throws RangeError on malformed input. */
export function prepareSchedule(input: ScheduleInput): PreparedSchedule {
  const { location } = input;
  const calendar = new ZoneCalendar(location.timeZone);
  const roomIds = location.rooms.map((r) => r.id);
  if (new Set(roomIds).size !== roomIds.length) throw new RangeError(`location ${location.id}: duplicate room ids`);
  const roomIndex = new Map(roomIds.map((id, i) => [id, i]));

  const closures: number[] = [];
  exceptionsToFlat(location.closures, calendar, `location ${location.id}`, closures);
  const opening = location.openingHours
    ? WEEKDAYS.map((wd) =>
        parseSpans(location.openingHours?.[wd] ?? [], `location ${location.id} opening hours, weekday ${wd}`),
      )
    : null;

  const here = input.practitioners.filter((p) => p.locationId === undefined || p.locationId === location.id);
  const seen = new Set<string>();
  const practitionerIndex = new Map<string, number>();
  const practitioners = here.map((p, i) => {
    const what = `practitioner ${p.practitionerId}`;
    if (seen.has(p.practitionerId)) throw new RangeError(`${what}: listed twice for location ${location.id}`);
    seen.add(p.practitionerId);
    practitionerIndex.set(p.practitionerId, i);
    const weekly: MinuteSpan[][] = [[]];
    for (const wd of WEEKDAYS) {
      const own = parseSpans(p.weeklyHours[wd] ?? [], `${what}, weekday ${wd}`);
      weekly.push(opening ? intersectSpans(own, opening[wd - 1]!) : own);
    }
    const off = [...closures];
    exceptionsToFlat(p.exceptions, calendar, what, off);
    const rooms = (p.roomIds ?? roomIds).map((id) => {
      const index = roomIndex.get(id);
      if (index === undefined) throw new RangeError(`${what}: room ${id} is not at location ${location.id}`);
      return index;
    });
    return {
      id: p.practitionerId,
      ...(p.name === undefined ? {} : { name: p.name }),
      weekly,
      timeOff: Timeline.fromFlat(off),
      roomIndexes: rooms,
    };
  });

  const timelines = bookingTimelines(input.bookings, practitionerIndex, roomIndex);
  return new PreparedSchedule(
    input,
    calendar,
    practitioners.map((p, i) => ({ ...p, busy: timelines.practitioners.get(i) ?? Timeline.empty })),
    roomIds.map((id, i) => ({ id, busy: timelines.rooms.get(i) ?? Timeline.empty })),
  );
}

/** Timelines of the practitioners and rooms listed in `only` (all when absent), from raw bookings. */
function bookingTimelines(
  bookings: readonly Booking[],
  practitionerIndex: ReadonlyMap<string, number>,
  roomIndex: ReadonlyMap<string, number>,
  only?: { practitioners: ReadonlySet<number>; rooms: ReadonlySet<number> },
): { practitioners: Map<number, Timeline>; rooms: Map<number, Timeline> } {
  const byPractitioner = new Map<number, number[]>();
  const byRoom = new Map<number, number[]>();
  const push = (map: Map<number, number[]>, key: number, start: number, end: number) => {
    let list = map.get(key);
    if (!list) map.set(key, (list = []));
    list.push(start, end);
  };
  for (const b of bookings) {
    let p = practitionerIndex.get(b.practitionerId);
    let r = roomIndex.get(b.roomId);
    if (only) {
      if (p !== undefined && !only.practitioners.has(p)) p = undefined;
      if (r !== undefined && !only.rooms.has(r)) r = undefined;
    }
    // Bookings of people or rooms outside this location cannot block anything here.
    if (p === undefined && r === undefined) continue;
    const start = parseInstant(b.start);
    const end = parseInstant(b.end);
    if (end <= start)
      throw new RangeError(`booking ${b.id ?? `${b.practitionerId} ${b.start}`}: must end after it starts`);
    if (p !== undefined) push(byPractitioner, p, start, end);
    if (r !== undefined) push(byRoom, r, start, end);
  }
  const build = (map: Map<number, number[]>) => new Map([...map].map(([k, flat]) => [k, Timeline.fromFlat(flat)]));
  return { practitioners: build(byPractitioner), rooms: build(byRoom) };
}

/**
 * The same schedule with some bookings removed and others added, re-indexing only the practitioners
 * and rooms they touch: moving a course must not see the course's own bookings as conflicts.
 */
export function reviseSchedule(
  prepared: PreparedSchedule,
  change: { without?: (b: Booking) => boolean; add?: readonly Booking[] },
): PreparedSchedule {
  const removed = change.without ? prepared.input.bookings.filter(change.without) : [];
  const added = change.add ?? [];
  if (removed.length === 0 && added.length === 0) return prepared;
  const bookings = [
    ...(removed.length ? prepared.input.bookings.filter((b) => !change.without!(b)) : prepared.input.bookings),
    ...added,
  ];
  const practitionerIndex = new Map(prepared.practitioners.map((p, i) => [p.id, i]));
  const roomIndex = new Map(prepared.rooms.map((r, i) => [r.id, i]));
  const touched = { practitioners: new Set<number>(), rooms: new Set<number>() };
  for (const b of [...removed, ...added]) {
    const p = practitionerIndex.get(b.practitionerId);
    const r = roomIndex.get(b.roomId);
    if (p !== undefined) touched.practitioners.add(p);
    if (r !== undefined) touched.rooms.add(r);
  }
  const timelines = bookingTimelines(bookings, practitionerIndex, roomIndex, touched);
  return new PreparedSchedule(
    { ...prepared.input, bookings },
    prepared.calendar,
    prepared.practitioners.map((p, i) =>
      touched.practitioners.has(i) ? { ...p, busy: timelines.practitioners.get(i) ?? Timeline.empty } : p,
    ),
    prepared.rooms.map((r, i) => (touched.rooms.has(i) ? { ...r, busy: timelines.rooms.get(i) ?? Timeline.empty } : r)),
  );
}
