import type { IsoDate } from '../../core/dates/iso-date.js';
import { courseStartFromAssessment } from '../../core/scheduling/course-start.js';
import type { CourseRecord } from '../../core/records/index.js';
import type { Repositories } from '../../storage/repositories/repositories.js';
import { conflict } from '../domain-errors.js';

/**
 * The first local date the course's assessment allows (a deferral's `until`), or undefined for
 * "any time". 409 when the assessment allows no booking at all.
 */
export async function earliestStartOf(repos: Repositories, course: CourseRecord): Promise<IsoDate | undefined> {
  if (!course.assessmentId) return undefined;
  const assessment = await repos.assessments.findById(course.assessmentId);
  if (!assessment) return undefined;
  const start = courseStartFromAssessment(assessment.result);
  if (!start.schedulable) throw conflict(start.reason, start.message);
  return start.earliestStart;
}
