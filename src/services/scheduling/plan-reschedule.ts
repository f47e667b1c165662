import { z } from 'zod';
import type { CourseRecord, LocationRecord, TreatmentSessionRecord, UserRecord } from '../../core/records/index.js';
import type { PatientPreferences } from '../../core/scheduling/course-request.js';
import type { ScheduleProblem } from '../../core/scheduling/course-result.js';
import { locationClosedAt } from '../../core/scheduling/location-closed-at.js';
import {
  rescheduleSession,
  type BookedSession,
  type RescheduleResult,
} from '../../core/scheduling/reschedule-session.js';
import type { Repositories } from '../../storage/repositories/repositories.js';
import { loadAccessibleSession, loadSessionForChange } from '../access/session-access.js';
import { conflict, invalidField } from '../domain-errors.js';
import { assertUnchanged } from './assert-unchanged.js';
import { found } from '../found.js';
import { timePreferences } from './availability-fields.js';
import { callCore } from './core-call.js';
import { loadScheduleInput } from './load-schedule.js';
import { sessionEndMs } from './slot-claims.js';

const dayMs = 86_400_000;
const storedPreferences = z.object(timePreferences);

export interface RescheduleInput {
  user: UserRecord;
  sessionId: string;
  /** Normalised ISO instant. */
  newStart: string;
  practitionerId?: string;
  /** Another room of the course's location for the session (a drop into its column): that room or 409. */
  roomId?: string;
  /** Replace the preferences stored at booking for the sessions that have to move. */
  preferences?: Pick<PatientPreferences, 'weekdays' | 'timesOfDay'>;
  now: string;
  /**
   * The session's `updatedAt` as the caller last saw it: when it has changed since (someone else
   * moved, cancelled or re-screened it), the move is refused with `session_changed`.
   */
  expectedUpdatedAt?: string;
}

/** Why a move cannot be made: the scheduling core's problems, a closed location named as such. */
export type MoveProblem = Omit<ScheduleProblem, 'code'> & {
  code: ScheduleProblem['code'] | 'clinic_closed' | 'outside_opening_hours';
  /** clinic_closed: the closure's reason, when it has one. */
  reason?: string;
};

export interface ReschedulePlan {
  course: CourseRecord;
  /** The session to move, as stored. */
  session: TreatmentSessionRecord;
  /** The course's planned and done sessions, in order, as stored (`number` n is index n - 1). */
  sessions: TreatmentSessionRecord[];
  location: LocationRecord;
  plan: CourseRecord['plan'];
  switchAfter?: number;
  result:
    | { status: 'rescheduled'; sessions: Extract<RescheduleResult, { status: 'rescheduled' }>['sessions'] }
    | {
        status: 'not_possible';
        problems: MoveProblem[];
      };
  /** Ids of the sessions whose time, practitioner or room would change (none when not possible). */
  moved: string[];
}

/** A session dropped where the whole location is closed: say so, rather than that nobody works then. */
function explainClosed(
  problems: readonly ScheduleProblem[],
  location: Parameters<typeof locationClosedAt>[0],
  k: number,
  startMs: number,
): MoveProblem[] {
  const first = problems[0];
  if (!first || first.session !== k || !['practitioner_unavailable', 'no_working_hours_in_window'].includes(first.code))
    return [...problems];
  const closed = locationClosedAt(location, startMs);
  if (!closed) return [...problems];
  const problem: MoveProblem =
    closed.why === 'closure'
      ? {
          code: 'clinic_closed',
          message: `Session ${k} cannot move to ${closed.date}: the clinic is closed that day${closed.reason ? ` (${closed.reason})` : ''}. Choose a day it is open.`,
          session: k,
          from: closed.date,
          to: closed.date,
          ...(closed.reason ? { reason: closed.reason } : {}),
        }
      : {
          code: 'outside_opening_hours',
          message: `Session ${k} cannot move to ${closed.time} on ${closed.date}: the clinic is not open then. Choose a time within its opening hours.`,
          session: k,
          from: closed.date,
          to: closed.date,
        };
  return [problem, ...problems.slice(1)];
}

/**
 * What moving a planned session would do, computed and not written: the course's later sessions
 * re-flowed by the scheduling core (rescheduleSession) so every interval of the plan still holds,
 * or why it cannot be done. With `lock`, the course and the session are held for the caller's
 * transaction, as a move must (course before session, the order a course cancellation takes them in:
 * the two queue, never deadlock); a preview reads without holding anything.
 */
export async function planReschedule(
  repos: Repositories,
  input: RescheduleInput,
  { lock }: { lock: boolean },
): Promise<ReschedulePlan> {
  const { courseId } = await loadAccessibleSession(repos, input.user, input.sessionId);
  if (lock) await repos.courses.lockForBooking(courseId);
  const course = found(await repos.courses.findById(courseId), 'session');
  const session = lock
    ? await loadSessionForChange(repos, input.user, input.sessionId)
    : await loadAccessibleSession(repos, input.user, input.sessionId);
  assertUnchanged(session, input.expectedUpdatedAt);
  if (session.status !== 'planned')
    throw conflict('session_closed', `the session is ${session.status} and can no longer move`);
  if (course.status !== 'active') throw conflict('course_not_active', `the course is ${course.status}`);

  const sessions = (await repos.treatmentSessions.listByCourse(course.id)).filter(
    (s) => s.status === 'planned' || s.status === 'done',
  );
  const settings = await repos.courses.findSchedule(course.id);
  const locationId = settings?.locationId ?? session.locationId;
  const incomplete = sessions.filter((s) => !s.practitionerId || !s.roomId).map((s) => s.id);
  if (!locationId || incomplete.length > 0)
    throw conflict(
      'incomplete_booking',
      'every session of the course needs a location, practitioner and room to re-flow the course; set them first (PATCH /api/sessions/:id)',
    );
  const location = await repos.clinics.findLocation(locationId);
  if (!location) throw conflict('incomplete_booking', 'the course’s location no longer exists');
  if (input.roomId !== undefined) {
    const room = await repos.availability.findRoom(input.roomId);
    if (!room || !room.active || room.locationId !== location.id)
      throw invalidField('roomId', `must be a room in use at ${location.name}, the session’s location`);
  }

  const booked: BookedSession[] = sessions.map((s, i) => {
    const startMs = Date.parse(s.scheduledAt);
    return {
      number: i + 1,
      practitionerId: s.practitionerId!,
      roomId: s.roomId!,
      start: s.scheduledAt,
      end: new Date(sessionEndMs(startMs, s.durationMinutes)).toISOString(),
      bookingId: s.id,
    };
  });
  const k = sessions.findIndex((s) => s.id === session.id) + 1;
  const newStartMs = Date.parse(input.newStart);
  const nowMs = Date.parse(input.now);
  // Re-flowed sessions can each land up to the widest interval after the one before.
  const widest = Math.max(course.plan.intervalDays.max, course.plan.laterIntervalDays?.max ?? 0);
  const lastMs = Math.max(newStartMs, ...booked.map((b) => Date.parse(b.end)));
  const schedule = await loadScheduleInput(repos, location, {
    fromMs: Math.min(nowMs, newStartMs),
    toMs: lastMs + (sessions.length - k + 2) * (widest + 1) * dayMs,
  });

  const stored = settings?.preferences ? storedPreferences.safeParse(settings.preferences) : undefined;
  const preferences = input.preferences ?? (stored?.success ? stored.data : undefined);
  const switchAfter = settings?.switchAfter ?? undefined;
  const result = callCore(() =>
    rescheduleSession({
      schedule,
      plan: course.plan,
      course: booked,
      session: k,
      newStart: input.newStart,
      now: input.now,
      ...(switchAfter === undefined ? {} : { switchAfter }),
      ...(input.practitionerId === undefined ? {} : { practitionerId: input.practitionerId }),
      ...(input.roomId === undefined ? {} : { roomId: input.roomId }),
      ...(preferences ? { preferences } : {}),
    }),
  );
  const common = { course, session, sessions, location, plan: course.plan, ...(switchAfter ? { switchAfter } : {}) };
  if (result.status === 'not_possible')
    return {
      ...common,
      result: { status: 'not_possible', problems: explainClosed(result.problems, schedule.location, k, newStartMs) },
      moved: [],
    };

  const moved = result.sessions.filter((s) => result.moved.includes(s.number)).map((m) => sessions[m.number - 1]!);
  const closed = moved.filter((s) => s.status !== 'planned');
  if (closed.length > 0)
    throw conflict(
      'session_closed',
      `the re-flow would move sessions already done (${closed.map((s) => s.id).join(', ')})`,
    );
  return { ...common, result: { status: 'rescheduled', sessions: result.sessions }, moved: moved.map((s) => s.id) };
}
