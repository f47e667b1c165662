import type { OutcomeMeasureRecord } from '../../core/outcomes/outcome-measure-record.js';
import type { MeasureCode, Rater } from '../../core/outcomes/outcome-measures.js';
import { measureEntryProblems } from '../../core/outcomes/validate-measure.js';
import type { UserRecord } from '../../core/records/index.js';
import type { AuditEvent } from '../../storage/repositories/audit-entries.js';
import type { Repositories } from '../../storage/repositories/repositories.js';
import { loadWritableCourse } from '../access/course-access.js';
import { conflict, invalidField, InvalidInputError } from '../domain-errors.js';
import { assertSessionHeld } from '../scheduling/session-held.js';

export interface MeasureInput {
  measure: MeasureCode;
  rater: Rater;
  value: number;
  /** Null for a baseline value, before the first session. */
  sessionId: string | null;
  site?: string | null;
}

/** Nothing was saved: the value is one the patient gave, which only they may change. */
const patientRated = () =>
  conflict('patient_rated', 'the patient gave this rating themselves; only they may change it', {
    problems: [{ field: 'value', message: 'was given by the patient, who alone may change it' }],
  });

/**
 * Records one value of a course's outcome measure inside the caller's transaction, replacing what its
 * slot held: the measure must be one recorded for the course's indication, on its scale, by a rater
 * the user may speak for, at baseline or after one of the course's sessions that took place. Bad
 * input names its field and saves nothing.
 */
export async function recordMeasure(
  tx: Repositories,
  user: UserRecord,
  courseId: string,
  input: MeasureInput,
  now: Date,
): Promise<{ record: OutcomeMeasureRecord; created: boolean; audit: AuditEvent[] }> {
  const { record: course, patient } = await loadWritableCourse(tx, user, courseId);
  const site = input.site ?? null;
  const problems = measureEntryProblems(
    course.indication,
    { ...input, site, baseline: input.sessionId === null },
    user.role,
  );
  if (problems.length > 0) throw new InvalidInputError(problems);
  if (input.sessionId !== null) {
    const session = await tx.treatmentSessions.findById(input.sessionId);
    if (!session || session.courseId !== course.id)
      throw invalidField('sessionId', "must be one of the course's sessions, or null for a baseline value");
    assertSessionHeld(session, now);
  }
  const enteredBy = user.role === 'patient' ? 'patient' : 'staff';
  const { record, created } = await tx.outcomeMeasures.save({
    patientId: patient.id,
    courseId: course.id,
    sessionId: input.sessionId,
    measure: input.measure,
    rater: input.rater,
    site,
    value: input.value,
    enteredBy,
    recordedBy: user.id,
  });
  if (enteredBy === 'staff' && record.enteredBy === 'patient') throw patientRated();
  return {
    record,
    created,
    audit: [
      { action: created ? 'create' : 'update', entity: 'outcome_measure', entityId: record.id, patientId: patient.id },
    ],
  };
}
