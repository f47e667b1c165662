import { asWeekdays } from '../../core/front-desk/opening-fit.js';
import type { UserRecord, WaitingListEntryRecord } from '../../core/records/index.js';
import type { Repositories } from '../../storage/repositories/repositories.js';
import { conflict } from '../domain-errors.js';
import { bookCourse, type BookedCourse, type CourseBooking } from '../scheduling/book-course.js';
import { courseToBook, loadOpenEntry } from './waiting-list.js';

/**
 * Books the waiting patient's course as offered (the course finder's sessions, sent back) and closes
 * the entry as booked, all or nothing; call inside one transaction. Booking checks everything the
 * clinic's other bookings do: the plan's intervals, hours, rooms, and that nobody took a slot since.
 */
export async function bookFromWaitingList(
  tx: Repositories,
  input: { user: UserRecord; entryId: string; booking: Omit<CourseBooking, 'preferences'>; now: string },
): Promise<{ booked: BookedCourse; entry: WaitingListEntryRecord }> {
  const { user } = input;
  const entry = await loadOpenEntry(tx, user, input.entryId);
  const course = await courseToBook(tx, entry.patientId, entry.indication);
  if (!course)
    throw conflict(
      'no_course_to_book',
      'the patient has no course of this indication ready to book: a clinician starts it from their assessment',
    );
  const booked = await bookCourse(tx, {
    user,
    courseId: course.id,
    // Kept with the course, so that sessions a later move re-flows keep to the patient's days and times.
    booking: { ...input.booking, preferences: { weekdays: asWeekdays(entry.weekdays), timesOfDay: entry.timesOfDay } },
    now: input.now,
  });
  const closed = await tx.frontDesk.closeWaitingListEntry(entry.id, {
    status: 'booked',
    by: user.id,
    bookedCourseId: course.id,
  });
  if (!closed) throw conflict('entry_closed', 'the entry was closed meanwhile');
  return { booked, entry: closed };
}
