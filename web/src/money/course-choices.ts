import { api, call } from '../api/client';

/** A course the quote can be for, with what the price list needs to price it. */
export interface CourseChoice {
  id: string;
  /** Known to clinical roles only: reception does not read courses, just their sessions. */
  indication: string | null;
  area: string | null;
  /** Sessions booked and not cancelled. */
  sessions: number;
  firstSessionAt: string | null;
}

/**
 * The patient's courses, built from their sessions (which reception may read) and, for clinical
 * roles, the courses themselves for the indication and area.
 */
export async function loadCourseChoices(patientId: string, clinical: boolean): Promise<CourseChoice[]> {
  const path = { params: { path: { id: patientId } } };
  const [{ sessions }, courses] = await Promise.all([
    call(api.GET('/api/patients/{id}/sessions', path)),
    clinical ? call(api.GET('/api/patients/{id}/courses', path)).then((r) => r.courses) : Promise.resolve([]),
  ]);
  const choices = new Map<string, CourseChoice>();
  for (const course of courses)
    choices.set(course.id, {
      id: course.id,
      indication: course.indication,
      area: course.area,
      sessions: 0,
      firstSessionAt: null,
    });
  for (const session of [...sessions].sort((a, b) => a.scheduledAt.localeCompare(b.scheduledAt))) {
    const choice = choices.get(session.courseId) ?? {
      id: session.courseId,
      indication: null,
      area: null,
      sessions: 0,
      firstSessionAt: null,
    };
    if (session.status !== 'cancelled') choice.sessions += 1;
    choice.firstSessionAt ??= session.scheduledAt;
    choices.set(session.courseId, choice);
  }
  return [...choices.values()];
}
