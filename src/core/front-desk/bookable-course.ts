import type { CourseRecord, SessionStatus } from '../records/index.js';

/** A course with the statuses of its sessions. */
export interface CourseWithSessions {
  course: CourseRecord;
  sessionStatuses: readonly SessionStatus[];
}

/**
 * The course a waiting patient would be booked into for `indication`: the newest active course of
 * that indication with nothing booked or held yet (every earlier session cancelled, if any). A
 * course is started from an assessment by a clinician; without one there is no plan to book.
 */
export function bookableCourse(courses: readonly CourseWithSessions[], indication: string): CourseRecord | undefined {
  return courses
    .filter(
      ({ course, sessionStatuses }) =>
        course.status === 'active' &&
        course.indication === indication &&
        sessionStatuses.every((status) => status === 'cancelled'),
    )
    .map(({ course }) => course)
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id))[0];
}
