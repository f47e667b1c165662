import type { Weekday } from './availability.js';
import type { PreparedSchedule } from './prepare-schedule.js';
import type { MinuteSpan } from './wall-clock.js';

/** What a session on one day must satisfy, besides the practitioner's hours, bookings and rooms. */
export interface SlotCriteria {
  lengthMs: number;
  /** Slot starts lie on this grid, counted from the start of the local day. */
  gridMs: number;
  notBeforeMs: number;
  /** Allowed weekdays; all when absent. */
  weekdays?: ReadonlySet<Weekday>;
  /** Local wall-clock windows the whole session must lie in; any time when absent. */
  windows?: readonly MinuteSpan[];
}

/** Why a practitioner has no slot on a day, from the most to the least fundamental reason. */
export const dayMisses = [
  'no_hours',
  'time_off',
  'too_short',
  'weekday',
  'time_of_day',
  'past',
  'booked',
  'no_room',
] as const;
export type DayMiss = (typeof dayMisses)[number];

/** Called for each free slot in time order; return true to stop. */
export type SlotVisitor = (startMs: number, roomIndex: number) => boolean;

function intersect(
  work: readonly (readonly [number, number])[],
  windows: readonly (readonly [number, number])[],
): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const [a, b] of work) {
    for (const [c, d] of windows) {
      const s = Math.max(a, c);
      const e = Math.min(b, d);
      if (s < e) out.push([s, e]);
    }
  }
  return out.sort((x, y) => x[0] - y[0]);
}

const fits = (spans: readonly (readonly [number, number])[], length: number) => spans.some(([a, b]) => b - a >= length);

/**
 * Visits the free slots of one practitioner on one local day: inside working hours (after time
 * off), inside the criteria, clear of the practitioner's and the chosen room's bookings. Returns
 * 'found' when at least one slot was visited, otherwise why there was none. Each blocked candidate
 * jumps to the end of the blocking stretch, so a full day costs a handful of binary searches.
 */
export function scanDay(
  schedule: PreparedSchedule,
  practitioner: number,
  day: number,
  criteria: SlotCriteria,
  visit: SlotVisitor,
): 'found' | DayMiss {
  const p = schedule.practitioners[practitioner]!;
  const info = schedule.calendar.day(day);
  if (p.weekly[info.weekday]!.length === 0) return 'no_hours';
  const work = schedule.workIntervals(practitioner, day);
  if (work.length === 0) return 'time_off';
  const length = criteria.lengthMs;
  if (!fits(work, length)) return 'too_short';
  if (criteria.weekdays && !criteria.weekdays.has(info.weekday)) return 'weekday';
  let allowed = work;
  if (criteria.windows) {
    const cal = schedule.calendar;
    allowed = intersect(
      work,
      criteria.windows.map((w) => [cal.wallToMs(day, w.start), cal.wallToMs(day, w.end)] as const),
    );
    if (!fits(allowed, length)) return 'time_of_day';
  }

  const grid = criteria.gridMs;
  const anchor = info.startMs;
  const alignUp = (ms: number) => anchor + Math.ceil((ms - anchor) / grid) * grid;
  let onGrid = false;
  let afterNow = false;
  let roomBlocked = false;
  let found = false;
  for (const [from, to] of allowed) {
    if (alignUp(from) + length > to) continue;
    onGrid = true;
    let t = alignUp(Math.max(from, criteria.notBeforeMs));
    if (t + length > to) continue;
    afterNow = true;
    while (t + length <= to) {
      const busyUntil = p.busy.conflictEnd(t, t + length);
      if (busyUntil >= 0) {
        t = alignUp(busyUntil);
        continue;
      }
      let room = -1;
      let roomFreeAt = Infinity;
      for (const r of p.roomIndexes) {
        const until = schedule.rooms[r]!.busy.conflictEnd(t, t + length);
        if (until < 0) {
          room = r;
          break;
        }
        roomFreeAt = Math.min(roomFreeAt, until);
      }
      if (room >= 0) {
        found = true;
        if (visit(t, room)) return 'found';
        t += grid;
        continue;
      }
      roomBlocked = true;
      if (roomFreeAt === Infinity) break;
      t = alignUp(roomFreeAt);
    }
  }
  if (found) return 'found';
  // A span can be long enough yet too short once its start is rounded up to the grid.
  if (!onGrid) return criteria.windows ? 'time_of_day' : 'too_short';
  if (!afterNow) return 'past';
  return roomBlocked ? 'no_room' : 'booked';
}
