import { z } from 'zod';
import type { PatientPreferences } from '../../core/scheduling/course-request.js';
import { rescheduleSession, type BookedSession } from '../../core/scheduling/reschedule-session.js';
import type { CourseRecord, TreatmentSessionRecord, UserRecord } from '../../core/records/index.js';
import type { Repositories } from '../../storage/repositories/repositories.js';
import { conflict, notFound } from '../domain-errors.js';
import { loadAccessibleSession, loadSessionForChange } from '../access/session-access.js';
import { timePreferences } from './availability-fields.js';
import { assertWithinBookingWindow } from './booking-window.js';
import { callCore } from './core-call.js';
import { loadScheduleInput } from './load-schedule.js';
import { bookingConflict, holdSlots } from './slot-guard.js';
import { sessionEndMs } from './slot-claims.js';
import { found } from '../found.js';

const dayMs = 86_400_000;
const storedPreferences = z.object(timePreferences);

export interface RescheduleInput {
  user: UserRecord;
  sessionId: string;
  /** Normalised ISO instant. */
  newStart: string;
  practitionerId?: string;
  /** Replace the preferences stored at booking for the sessions that have to move. */
  preferences?: Pick<PatientPreferences, 'weekdays' | 'timesOfDay'>;
  now: string;
}

export interface Rescheduled {
  course: CourseRecord;
  /** The course's planned and done sessions after the move, in order. */
  sessions: TreatmentSessionRecord[];
  /** Ids of the sessions whose time, practitioner or room changed. */
  moved: string[];
}

/**
 * Moves one planned session and re-flows the later ones so every interval of the plan still holds
 * (rescheduleSession), in the caller's transaction. Moved sessions give up their slots before any
 * of them claims new ones, so a session may move onto its own or a sibling's old time.
 */
export async function rescheduleInCourse(tx: Repositories, input: RescheduleInput): Promise<Rescheduled> {
  assertWithinBookingWindow('start', Date.parse(input.newStart), Date.parse(input.now));
  const { courseId } = await loadAccessibleSession(tx, input.user, input.sessionId);
  // Course before session, the order a course cancellation takes them in: the two queue, never deadlock.
  await tx.courses.lockForBooking(courseId);
  const course = found(await tx.courses.findById(courseId), 'session');
  const session = await loadSessionForChange(tx, input.user, input.sessionId);
  if (session.status !== 'planned')
    throw conflict('session_closed', `the session is ${session.status} and can no longer move`);
  if (course.status !== 'active') throw conflict('course_not_active', `the course is ${course.status}`);

  const sessions = (await tx.treatmentSessions.listByCourse(course.id)).filter(
    (s) => s.status === 'planned' || s.status === 'done',
  );
  const settings = await tx.courses.findSchedule(course.id);
  const locationId = settings?.locationId ?? session.locationId;
  const incomplete = sessions.filter((s) => !s.practitionerId || !s.roomId).map((s) => s.id);
  if (!locationId || incomplete.length > 0)
    throw conflict(
      'incomplete_booking',
      'every session of the course needs a location, practitioner and room to re-flow the course; set them first (PATCH /api/sessions/:id)',
    );
  const location = await tx.clinics.findLocation(locationId);
  if (!location) throw conflict('incomplete_booking', 'the course’s location no longer exists');

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
  const schedule = await loadScheduleInput(tx, location, {
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
      ...(preferences ? { preferences } : {}),
    }),
  );
  if (result.status === 'not_possible')
    throw bookingConflict(
      'not_possible',
      result.problems.map((p) => ({ ...p })),
    );

  const moved = result.sessions.filter((s) => result.moved.includes(s.number));
  const closed = moved.map((m) => sessions[m.number - 1]!).filter((s) => s.status !== 'planned');
  if (closed.length > 0)
    throw conflict(
      'session_closed',
      `the re-flow would move sessions already done (${closed.map((s) => s.id).join(', ')})`,
    );

  for (const m of moved) await tx.availability.releaseSlots(sessions[m.number - 1]!.id);
  const after = [...sessions];
  for (const m of moved) {
    const before = sessions[m.number - 1]!;
    const updated = await tx.treatmentSessions.update(before.id, {
      scheduledAt: new Date(Date.parse(m.start)).toISOString(),
      practitionerId: m.practitionerId,
      roomId: m.roomId,
    });
    if (!updated) throw notFound('session');
    await holdSlots(tx, updated, m.number);
    after[m.number - 1] = updated;
  }
  return { course, sessions: after, moved: moved.map((m) => sessions[m.number - 1]!.id) };
}
