import type { Range } from '../assessment/assessment-result.js';
import { fromDayNumber } from '../dates/iso-date.js';
import type { Booking, ScheduleInput } from './availability.js';
import { checkSlot, type SlotCheck } from './check-slot.js';
import { DEFAULT_GRANULARITY_MINUTES, type PatientPreferences } from './course-request.js';
import type { ScheduledSession, ScheduleProblem } from './course-result.js';
import { checkSpacing, intervalBefore } from './course-spacing.js';
import { formatInstant, parseInstant, type InstantString } from './instant.js';
import { normalizePreferences } from './patient-preferences.js';
import { isPreparedSchedule, prepareSchedule, reviseSchedule, type PreparedSchedule } from './prepare-schedule.js';
import { reflowLaterSessions, type Placed } from './reflow-later-sessions.js';

/** A session of a course already booked. */
export interface BookedSession {
  number: number;
  practitionerId: string;
  roomId: string;
  start: InstantString;
  end: InstantString;
  /** Finds the session's own booking in the schedule; without it, practitioner, room and times must match. */
  bookingId?: string;
}

export interface RescheduleRequest {
  /** Existing bookings, which may include this course's own sessions (they never block it). */
  schedule: ScheduleInput | PreparedSchedule;
  plan: { intervalDays: Range; laterIntervalDays?: Range };
  switchAfter?: number;
  course: readonly BookedSession[];
  /** The session to move (1-based). */
  session: number;
  newStart: InstantString;
  /** Another practitioner for the moved session; its own practitioner when absent. */
  practitionerId?: string;
  /**
   * Another room for the moved session (a drop into its column): that room or none. Without it the
   * session keeps its room when free, else takes the first free room the practitioner may use.
   */
  roomId?: string;
  now: InstantString;
  /** Applied to later sessions that have to move. */
  preferences?: Pick<PatientPreferences, 'weekdays' | 'timesOfDay'>;
  granularityMinutes?: number;
}

export type RescheduleResult =
  /** `moved`: sessions whose time, practitioner or room changed, k included. */
  | { status: 'rescheduled'; sessions: ScheduledSession[]; moved: number[] }
  | { status: 'not_possible'; problems: ScheduleProblem[] };

function slotProblem(miss: SlotCheck & { ok: false }, session: number, who: string, when: string): ScheduleProblem {
  const text: Record<typeof miss.miss, [ScheduleProblem['code'], string]> = {
    no_hours: ['no_working_hours_in_window', `${who} does not work at ${when}`],
    time_off: ['practitioner_unavailable', `${who} is away or the clinic is closed at ${when}`],
    booked: ['practitioner_unavailable', `${who} is already booked at ${when}`],
    no_room: ['no_free_room', `no room ${who} may use is free at ${when}`],
  };
  const [code, message] = text[miss.miss];
  return { code, message: `Session ${session}: ${message}.`, session };
}

/** A room as people know it: its name, else its id. */
const roomLabel = (schedule: PreparedSchedule, roomId: string) =>
  schedule.input.location.rooms.find((r) => r.id === roomId)?.name ?? `room ${roomId}`;

/** The room asked for, if the practitioner may use it at this location; otherwise why not. */
function roomChoice(
  schedule: PreparedSchedule,
  practitioner: number,
  roomId: string,
): { index: number } | { problem: (k: number, who: string) => Omit<ScheduleProblem, 'session'> } {
  const index = schedule.roomIndex(roomId);
  if (index >= 0 && schedule.practitioners[practitioner]!.roomIndexes.includes(index)) return { index };
  return {
    problem: (k, who) => ({
      code: 'room_not_allowed',
      message:
        index < 0
          ? `Session ${k}: room ${roomId} is not a room in use at ${schedule.input.location.id}.`
          : `Session ${k}: ${who} does not work in ${roomLabel(schedule, roomId)}.`,
      practitionerId: schedule.practitioners[practitioner]!.id,
    }),
  };
}

/**
 * Moves session k to `newStart` (a time someone chose, checked as given) and re-flows the later
 * sessions so every interval window holds (see reflowLaterSessions); earlier sessions stay. The
 * course's own bookings in the schedule never block it. Explains why when the move cannot be made.
 */
export function rescheduleSession(request: RescheduleRequest): RescheduleResult {
  const base = isPreparedSchedule(request.schedule) ? request.schedule : prepareSchedule(request.schedule);
  const { course } = request;
  if (course.length === 0 || course.some((s, i) => s.number !== i + 1))
    throw new RangeError('course sessions must be numbered 1..n in order');
  const k = request.session;
  if (!Number.isInteger(k) || k < 1 || k > course.length)
    throw new RangeError(`session must be in 1..${course.length}, got ${k}`);
  const spacing = {
    intervalDays: request.plan.intervalDays,
    laterIntervalDays: request.plan.laterIntervalDays,
    switchAfter: request.switchAfter,
  };
  checkSpacing(spacing);
  const nowMs = parseInstant(request.now);
  const gridMs = (request.granularityMinutes ?? DEFAULT_GRANULARITY_MINUTES) * 60_000;
  const prefs = normalizePreferences(request.preferences);
  const sessions = course.map((s) => ({ ...s, startMs: parseInstant(s.start), endMs: parseInstant(s.end) }));

  const ownIds = new Set(course.flatMap((s) => (s.bookingId === undefined ? [] : [s.bookingId])));
  const ownPeople = new Set(course.map((s) => s.practitionerId));
  const isOwn = (b: Booking) =>
    (b.id !== undefined && ownIds.has(b.id)) ||
    (ownPeople.has(b.practitionerId) &&
      sessions.some(
        (s) =>
          s.practitionerId === b.practitionerId &&
          s.roomId === b.roomId &&
          s.startMs === parseInstant(b.start) &&
          s.endMs === parseInstant(b.end),
      ));
  const schedule = reviseSchedule(base, { without: isOwn });
  const cal = schedule.calendar;
  const label = (i: number) => schedule.practitioners[i]!.name ?? schedule.practitioners[i]!.id;

  const target = sessions[k - 1]!;
  const pk = schedule.practitionerIndex(request.practitionerId ?? target.practitionerId);
  if (pk < 0) {
    const id = request.practitionerId ?? target.practitionerId;
    return {
      status: 'not_possible',
      problems: [
        {
          code: 'practitioner_unavailable',
          message: `Practitioner ${id} does not work at ${schedule.input.location.id}.`,
          practitionerId: id,
          session: k,
        },
      ],
    };
  }
  const startK = parseInstant(request.newStart);
  const endK = startK + (target.endMs - target.startMs);
  const local = cal.local(startK);
  const when = `${local.date} ${local.time}`;
  if (startK < nowMs)
    return {
      status: 'not_possible',
      problems: [
        { code: 'in_the_past', message: `Session ${k} cannot move to ${when}, which has already passed.`, session: k },
      ],
    };
  if (k > 1) {
    const prevDay = cal.dayOf(sessions[k - 2]!.startMs);
    const gap = intervalBefore(spacing, k);
    const days = local.day - prevDay;
    if (days < gap.min || days > gap.max) {
      const [from, to] = [fromDayNumber(prevDay + gap.min), fromDayNumber(prevDay + gap.max)];
      const message = `Session ${k} must be ${gap.min}-${gap.max} days after session ${k - 1} (between ${from} and ${to}); ${local.date} is ${days} days after it.`;
      return { status: 'not_possible', problems: [{ code: 'interval_window_blocked', message, session: k, from, to }] };
    }
  }
  const chosenRoom = request.roomId === undefined ? undefined : roomChoice(schedule, pk, request.roomId);
  if (chosenRoom && 'problem' in chosenRoom)
    return { status: 'not_possible', problems: [{ ...chosenRoom.problem(k, label(pk)), session: k }] };
  const wantedRoom = chosenRoom?.index ?? schedule.roomIndex(target.roomId);
  const slotK = checkSlot(schedule, pk, startK, endK - startK, wantedRoom);
  // A room someone chose is that room or none: checkSlot would take another free one.
  const roomTaken = chosenRoom && (slotK.ok ? slotK.roomIndex !== chosenRoom.index : slotK.miss === 'no_room');
  if (roomTaken) {
    const message = `Session ${k}: ${roomLabel(schedule, request.roomId!)} is already booked at ${when}.`;
    return { status: 'not_possible', problems: [{ code: 'room_taken', message, session: k }] };
  }
  if (!slotK.ok)
    return {
      status: 'not_possible',
      problems: [{ ...slotProblem(slotK, k, label(pk), when), practitionerId: schedule.practitioners[pk]!.id }],
    };

  const reflow = reflowLaterSessions({
    schedule,
    spacing,
    sessions,
    moved: { number: k, practitioner: pk, roomIndex: slotK.roomIndex, startMs: startK, endMs: endK },
    nowMs,
    gridMs,
    prefs,
  });
  if ('problem' in reflow) return { status: 'not_possible', problems: [reflow.problem] };

  const earlier: Placed[] = sessions.slice(0, k - 1).map((s) => ({
    number: s.number,
    practitioner: -1,
    roomIndex: -1,
    startMs: s.startMs,
    endMs: s.endMs,
  }));
  let previousDay: number | undefined;
  const out = [...earlier, ...reflow.placed].map((pl) => {
    const original = sessions[pl.number - 1]!;
    const start = cal.local(pl.startMs);
    const session: ScheduledSession = {
      number: pl.number,
      practitionerId: pl.practitioner < 0 ? original.practitionerId : schedule.practitioners[pl.practitioner]!.id,
      roomId: pl.roomIndex < 0 ? original.roomId : schedule.rooms[pl.roomIndex]!.id,
      start: formatInstant(pl.startMs),
      end: formatInstant(pl.endMs),
      localDate: start.date,
      localStart: start.time,
      localEnd: cal.local(pl.endMs).time,
    };
    if (previousDay !== undefined) session.daysAfterPrevious = start.day - previousDay;
    previousDay = start.day;
    return session;
  });
  const moved = out
    .filter(
      (s, i) =>
        s.start !== formatInstant(sessions[i]!.startMs) ||
        s.practitionerId !== sessions[i]!.practitionerId ||
        s.roomId !== sessions[i]!.roomId,
    )
    .map((s) => s.number);
  return { status: 'rescheduled', sessions: out, moved };
}
