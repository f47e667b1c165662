import { outcomesFor, type IndicationOutcomes } from '../../core/outcomes/indication-measures.js';
import type { ListedOutcomeMeasure } from '../../core/outcomes/outcome-measure-record.js';
import { courseSeries, type MeasureSeries } from '../../core/outcomes/outcome-series.js';
import type { CourseRecord, TreatmentSessionRecord, UserRecord } from '../../core/records/index.js';
import type { Repositories } from '../../storage/repositories/repositories.js';
import { loadCourseWithPatient } from '../access/course-access.js';

export interface CourseMeasures {
  course: CourseRecord;
  /** What is recorded for the course's indication, and the photo views to repeat. */
  outcomes: IndicationOutcomes;
  /** The course's sessions that took place (planned or done, up to now): the slots after baseline. */
  heldSessions: TreatmentSessionRecord[];
  values: ListedOutcomeMeasure[];
  series: MeasureSeries[];
}

/** A course's outcome measures, each as a series from baseline to the latest session, if the user may see them. */
export async function loadCourseMeasures(
  repos: Repositories,
  user: UserRecord,
  courseId: string,
  now: Date,
): Promise<CourseMeasures> {
  const { record: course } = await loadCourseWithPatient(repos, user, courseId);
  const [values, sessions] = await Promise.all([
    repos.outcomeMeasures.listByCourse(course.id),
    repos.treatmentSessions.listByCourse(course.id),
  ]);
  const heldSessions = sessions.filter(
    (s) => (s.status === 'planned' || s.status === 'done') && Date.parse(s.scheduledAt) <= now.getTime(),
  );
  return { course, outcomes: outcomesFor(course.indication), heldSessions, values, series: courseSeries(values) };
}
