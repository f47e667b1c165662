import { plannedCourse } from '../treatment/planned-course.js';
import { earliestOnlineStartMs } from '../../core/portal/notice-period.js';
import type { UserRecord } from '../../core/records/index.js';
import type { Repositories } from '../../storage/repositories/repositories.js';
import { bookCourse, type BookedCourse, type CourseBooking } from '../scheduling/book-course.js';
import { conflict, DomainError } from '../domain-errors.js';
import { loadBookableScreening } from './portal-screening.js';
import { assertNotMerged } from '../access/merged-patient.js';

export interface PortalBooking extends CourseBooking {
  /** The screening (assessment) the course follows: the patient's own, bookable (loadBookableScreening). */
  assessmentId: string;
}

/** What the finder's refusals mean to a patient, and what to do; nothing was booked either way. */
const patientWords: Record<string, string> = {
  slot_taken:
    'Someone has just booked one of these times. Nothing was booked: ask for times again and choose one of the new ones.',
  not_bookable:
    'These times can no longer be booked (one may have just been taken, or the clinic changed its hours). Nothing was booked: ask for times again.',
};

/** A scheduling refusal in the patient's words, its details kept; any other error as it was. */
export function inPatientWords(error: unknown): unknown {
  if (!(error instanceof DomainError) || error.kind !== 'conflict') return error;
  const message = patientWords[error.code];
  return message ? new DomainError('conflict', error.code, message, { ...error.extra, next: 'find_again' }) : error;
}

/**
 * Books a course from the patient's own screening, in the caller's transaction: the course is
 * started from the screening's plan and every session booked (bookCourse: the plan's intervals, the
 * location's hours and rooms, the slot guard), or nothing is written. Online, the first session
 * starts no sooner than the clinic's notice period, and a screening books one course only.
 */
export async function bookPortalCourse(
  tx: Repositories,
  input: { user: UserRecord; booking: PortalBooking; noticeHours: number; now: string },
): Promise<BookedCourse> {
  const { user, booking, noticeHours, now } = input;
  const { patient, assessment, plan } = await loadBookableScreening(tx, user, booking.assessmentId, new Date(now));
  assertNotMerged(patient);
  await tx.portal.lockPatient(patient.id);
  const courses = await tx.courses.listByPatient(patient.id);
  if (courses.some((c) => c.assessmentId === assessment.id && c.status !== 'cancelled'))
    throw conflict(
      'already_booked',
      'This screening has already booked a course: see your plan. To book another course, answer the questionnaire again.',
      { next: 'see_plan' },
    );
  const earliest = earliestOnlineStartMs(Date.parse(now), noticeHours);
  if (booking.sessions.some((s) => Date.parse(s.start) < earliest))
    throw conflict(
      'too_soon',
      `Online bookings start at least ${noticeHours} hours ahead: choose later times, or call the clinic for an earlier one.`,
      { next: 'find_again', noticeHours },
    );
  const course = await tx.courses.create(plannedCourse(patient.id, assessment.id, plan, user.id));
  const { assessmentId: _screening, ...courseBooking } = booking;
  try {
    return await bookCourse(tx, { user, courseId: course.id, booking: courseBooking, now });
  } catch (error) {
    throw inPatientWords(error);
  }
}
