import type { Weekday } from '../../core/scheduling/availability.js';
import { prepareSchedule } from '../../core/scheduling/prepare-schedule.js';
import { sessionLengthMinutes } from '../../core/scheduling/session-length.js';
import type { WallClockSpan } from '../../core/scheduling/wall-clock.js';
import type {
  CourseRecord,
  CourseScheduleRecord,
  LocationRecord,
  PatientRecord,
  TreatmentSessionRecord,
  UserRecord,
} from '../../core/records/index.js';
import type { Repositories } from '../../storage/repositories/repositories.js';
import { conflict } from '../domain-errors.js';
import { loadWritableCourse } from '../access/course-access.js';
import { locationForBooking } from './booking-resources.js';
import { checkAgainstPlan } from './check-against-plan.js';
import { checkProposal, type ProposedSession } from './check-proposal.js';
import { callCore } from './core-call.js';
import { earliestStartOf } from './earliest-start.js';
import { loadScheduleInput } from './load-schedule.js';
import { bookingConflict, holdSlots } from './slot-guard.js';

const dayMs = 86_400_000;

export interface CourseBooking {
  locationId: string;
  sessions: ProposedSession[];
  switchAfter?: number;
  /** Kept for re-flows: sessions a reschedule moves keep to these. */
  preferences?: { weekdays?: Weekday[]; timesOfDay?: WallClockSpan[] };
}

export interface BookedCourse {
  course: CourseRecord;
  sessions: TreatmentSessionRecord[];
  schedule: CourseScheduleRecord;
  /** Read for the booking, handed on so what follows it (messages) need not read them again. */
  patient: PatientRecord;
  location: LocationRecord;
}

/**
 * Books every session of a course, all or nothing; call inside one transaction. Checks the course
 * may be booked, the sessions against the plan and the location's schedule, then writes each
 * session with its slot claims; any conflict, including one a concurrent booking causes between
 * the check and the write, is a 409 and the caller's transaction rolls back.
 */
export async function bookCourse(
  tx: Repositories,
  input: { user: UserRecord; courseId: string; booking: CourseBooking; now: string },
): Promise<BookedCourse> {
  const { user, booking } = input;
  const { record: course, patient } = await loadWritableCourse(tx, user, input.courseId);
  if (course.status !== 'active') throw conflict('course_not_active', `the course is ${course.status}`);
  await tx.courses.lockForBooking(course.id);
  const existing = await tx.treatmentSessions.listByCourse(course.id);
  if (existing.some((s) => s.status === 'planned'))
    throw conflict(
      'course_already_booked',
      'the course already has planned sessions: reschedule them, or cancel them before booking anew',
    );

  const location = await locationForBooking(tx, user, booking.locationId);
  checkAgainstPlan(course.plan, { sessions: booking.sessions.length, switchAfter: booking.switchAfter });
  const earliestStart = await earliestStartOf(tx, course);
  const lengthMinutes = callCore(() => sessionLengthMinutes(course.plan));

  const starts = booking.sessions.map((s) => Date.parse(s.start));
  const scheduleInput = await loadScheduleInput(tx, location, {
    fromMs: Math.min(...starts),
    toMs: Math.max(...starts) + dayMs,
  });
  const schedule = callCore(() => prepareSchedule(scheduleInput));
  const problems = checkProposal(schedule, {
    plan: course.plan,
    sessions: booking.sessions,
    lengthMinutes,
    now: input.now,
    ...(booking.switchAfter === undefined ? {} : { switchAfter: booking.switchAfter }),
    ...(earliestStart === undefined ? {} : { earliestStart }),
  });
  if (problems.length > 0) throw bookingConflict('not_bookable', problems);

  const sessions: TreatmentSessionRecord[] = [];
  for (const [i, s] of booking.sessions.entries()) {
    const session = await tx.treatmentSessions.create({
      courseId: course.id,
      scheduledAt: s.start,
      durationMinutes: lengthMinutes,
      practitionerId: s.practitionerId,
      locationId: location.id,
      roomId: s.roomId,
    });
    await holdSlots(tx, session, i + 1);
    sessions.push(session);
  }
  const settings = await tx.courses.setSchedule({
    courseId: course.id,
    locationId: location.id,
    switchAfter: booking.switchAfter ?? null,
    preferences: booking.preferences ?? null,
  });
  return { course, sessions, schedule: settings, patient, location };
}
