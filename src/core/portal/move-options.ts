import { fromDayNumber, type IsoDate } from '../dates/iso-date.js';
import type { Booking } from '../scheduling/availability.js';
import { scanDay } from '../scheduling/day-slots.js';
import { formatInstant } from '../scheduling/instant.js';
import { reviseSchedule, type PreparedSchedule } from '../scheduling/prepare-schedule.js';
import type { MoveWindow } from './move-window.js';

/** A free time the session could move to, with its practitioner (unchanged) and a free room. */
export interface MoveOption {
  start: string;
  localDate: IsoDate;
  localTime: string;
  roomId: string;
}

export interface MoveOptionsInput {
  schedule: PreparedSchedule;
  /** The session's practitioner: a patient moves the time, not who treats them. */
  practitionerId: string;
  /** Ids of the course's own bookings: they never block a move (they move along, or are the session itself). */
  ownBookingIds: ReadonlySet<string>;
  window: MoveWindow;
  lengthMinutes: number;
  notBeforeMs: number;
  /** Offer a start every this many minutes from the start of the day. */
  stepMinutes: number;
  /** At most this many times a day, spread over the day. */
  perDay: number;
  /** The session's current start, left out of the offer. */
  currentStartMs: number;
}

/**
 * The times in the window at which the session's practitioner and one of their rooms are free, day
 * by day, a few a day spread from morning to evening. Whether the rest of the course can re-flow
 * around the chosen time is checked when the move is made.
 */
export function moveOptions(input: MoveOptionsInput): MoveOption[] {
  const schedule = reviseSchedule(input.schedule, {
    without: (b: Booking) => b.id !== undefined && input.ownBookingIds.has(b.id),
  });
  const practitioner = schedule.practitionerIndex(input.practitionerId);
  if (practitioner < 0) return [];
  const criteria = {
    lengthMs: input.lengthMinutes * 60_000,
    gridMs: input.stepMinutes * 60_000,
    notBeforeMs: input.notBeforeMs,
  };
  const out: MoveOption[] = [];
  for (let day = input.window.fromDay; day <= input.window.toDay; day++) {
    const free: { startMs: number; roomIndex: number }[] = [];
    scanDay(schedule, practitioner, day, criteria, (startMs, roomIndex) => {
      if (startMs !== input.currentStartMs) free.push({ startMs, roomIndex });
      return false;
    });
    for (const slot of spread(free, input.perDay)) {
      const local = schedule.calendar.local(slot.startMs);
      out.push({
        start: formatInstant(slot.startMs),
        localDate: fromDayNumber(local.day),
        localTime: local.time,
        roomId: schedule.rooms[slot.roomIndex]!.id,
      });
    }
  }
  return out;
}

/** At most `count` items, evenly spaced through the list, its first and last included. */
function spread<T>(items: readonly T[], count: number): T[] {
  if (items.length <= count) return [...items];
  if (count <= 1) return items.slice(0, Math.max(0, count));
  const step = (items.length - 1) / (count - 1);
  return Array.from({ length: count }, (_, i) => items[Math.round(i * step)]!);
}
