import type { CourseRecord, PatientRecord, UserRecord } from '../../core/records/index.js';
import type { Repositories } from '../../storage/repositories/repositories.js';
import { notFound } from '../domain-errors.js';
import { patientOfRecord } from './patient-access.js';

/** The course and its patient if the user may see the patient; otherwise "course not found". */
export async function loadCourseWithPatient(
  repos: Repositories,
  user: UserRecord,
  courseId: string,
): Promise<{ course: CourseRecord; patient: PatientRecord }> {
  const course = await repos.courses.findById(courseId);
  if (!course) throw notFound('course');
  const patient = await patientOfRecord(repos, user, course, 'course');
  return { course, patient };
}

/** The course if the user may see its patient; otherwise "course not found". */
export async function loadAccessibleCourse(
  repos: Repositories,
  user: UserRecord,
  courseId: string,
): Promise<CourseRecord> {
  return (await loadCourseWithPatient(repos, user, courseId)).course;
}
