import type { PreparedSchedule } from './prepare-schedule.js';

export type SlotCheck =
  { ok: true; roomIndex: number } | { ok: false; miss: 'no_hours' | 'time_off' | 'booked' | 'no_room' };

/**
 * Whether one practitioner can take [startMs, startMs + lengthMs) at an exact time someone chose,
 * on or off the grid. The room is `preferredRoom` when it is allowed and free, else the first free one.
 */
export function checkSlot(
  schedule: PreparedSchedule,
  practitioner: number,
  startMs: number,
  lengthMs: number,
  preferredRoom = -1,
): SlotCheck {
  const endMs = startMs + lengthMs;
  const day = schedule.calendar.dayOf(startMs);
  const p = schedule.practitioners[practitioner]!;
  const inside = (list: readonly (readonly [number, number])[]) => list.some(([a, b]) => a <= startMs && endMs <= b);
  if (!inside(schedule.workIntervals(practitioner, day))) {
    const cal = schedule.calendar;
    const hours = p.weekly[cal.day(day).weekday]!.map(
      (s) => [cal.wallToMs(day, s.start), cal.wallToMs(day, s.end)] as const,
    );
    return { ok: false, miss: inside(hours) ? 'time_off' : 'no_hours' };
  }
  if (p.busy.conflictEnd(startMs, endMs) >= 0) return { ok: false, miss: 'booked' };
  const order = p.roomIndexes.includes(preferredRoom)
    ? [preferredRoom, ...p.roomIndexes.filter((r) => r !== preferredRoom)]
    : p.roomIndexes;
  const room = order.find((r) => schedule.rooms[r]!.busy.conflictEnd(startMs, endMs) < 0);
  return room === undefined ? { ok: false, miss: 'no_room' } : { ok: true, roomIndex: room };
}
