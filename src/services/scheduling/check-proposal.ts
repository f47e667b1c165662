import type { IsoDate } from '../../core/dates/iso-date.js';
import { checkSlot } from '../../core/scheduling/check-slot.js';
import type { CoursePlan } from '../../core/scheduling/course-request.js';
import { intervalBefore } from '../../core/scheduling/course-spacing.js';
import type { PreparedSchedule } from '../../core/scheduling/prepare-schedule.js';
import { invalidField } from '../domain-errors.js';
import { assertWithinBookingWindow } from './booking-window.js';
import type { BookingProblem } from './slot-guard.js';

export interface ProposedSession {
  /** An instant (normalised ISO, as the route's schema gives it). */
  start: string;
  practitionerId: string;
  roomId: string;
}

const missText = {
  no_hours: ['no_working_hours_in_window', 'does not work then'],
  time_off: ['practitioner_unavailable', 'is away or the clinic is closed then'],
  booked: ['practitioner_booked', 'is already booked then'],
  no_room: ['room_booked', 'has no free room then'],
} as const;

/**
 * Whether a course someone picked (usually the finder's proposal, sent back) can be booked as it
 * stands: each session in the future, after the assessment allows, within working hours and not
 * during time off, its practitioner and room free, and every interval inside the plan's window.
 * Throws 400 for requests malformed against the location; returns the 409 problems otherwise.
 * The unique indexes still decide races (slot-guard.ts).
 */
export function checkProposal(
  schedule: PreparedSchedule,
  input: {
    plan: CoursePlan;
    sessions: readonly ProposedSession[];
    lengthMinutes: number;
    switchAfter?: number;
    earliestStart?: IsoDate;
    now: string;
  },
): BookingProblem[] {
  const { plan, sessions, lengthMinutes } = input;
  const cal = schedule.calendar;
  const spacing = {
    intervalDays: plan.intervalDays,
    laterIntervalDays: plan.laterIntervalDays,
    switchAfter: input.switchAfter,
  };
  const nowMs = Date.parse(input.now);
  const problems: BookingProblem[] = [];
  let previous: { ms: number; day: number } | undefined;

  sessions.forEach((s, i) => {
    const n = i + 1;
    const startMs = Date.parse(s.start);
    assertWithinBookingWindow(`sessions[${i}].start`, startMs, nowMs);
    if (previous && startMs <= previous.ms)
      throw invalidField(`sessions[${i}].start`, `must be after session ${i}'s start`);
    const room = schedule.roomIndex(s.roomId);
    if (room < 0) throw invalidField(`sessions[${i}].roomId`, 'must be a room in use at the location');
    const local = cal.local(startMs);
    const when = `${local.date} ${local.time}`;
    const add = (code: string, message: string) =>
      problems.push({
        session: n,
        code,
        message: `Session ${n}: ${message}.`,
        practitionerId: s.practitionerId,
        roomId: s.roomId,
      });

    if (startMs < nowMs) add('in_the_past', `${when} has already passed`);
    if (input.earliestStart !== undefined && local.date < input.earliestStart)
      add('deferred', `the assessment defers treatment until ${input.earliestStart}; ${local.date} is earlier`);
    if (previous) {
      const gap = intervalBefore(spacing, n);
      const days = local.day - previous.day;
      if (days < gap.min || days > gap.max)
        add(
          'interval_window_blocked',
          `must be ${gap.min}-${gap.max} days after session ${i}; ${local.date} is ${days} days after it`,
        );
    }
    previous = { ms: startMs, day: local.day };

    const p = schedule.practitionerIndex(s.practitionerId);
    if (p < 0)
      return add('practitioner_unavailable', `practitioner ${s.practitionerId} has no working hours at this location`);
    const name = schedule.practitioners[p]!.name ?? s.practitionerId;
    if (!schedule.practitioners[p]!.roomIndexes.includes(room))
      return add('room_not_allowed', `${name} does not use room ${s.roomId}`);
    const slot = checkSlot(schedule, p, startMs, lengthMinutes * 60_000, room);
    if (!slot.ok) {
      const [code, text] = missText[slot.miss];
      return add(code, `${name} ${text} (${when})`);
    }
    if (slot.roomIndex !== room) add('room_booked', `room ${s.roomId} is already booked at ${when}`);
  });
  return problems;
}
