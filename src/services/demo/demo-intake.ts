import { assess } from '../../core/assessment/assess.js';
import type { AssessmentResult } from '../../core/assessment/assessment-result.js';
import type { Intake } from '../../core/assessment/intake-schema.js';
import { formatProblem, parseIntake } from '../../core/assessment/parse-intake.js';
import type { IsoDate } from '../../core/dates/iso-date.js';
import type { AssessmentRecord, PatientRecord, UserRecord } from '../../core/records/index.js';
import { rescreenPatient, screeningAuditEvent } from '../rescreening/rescreen-patient.js';
import { audit, type DemoContext } from './demo-context.js';
import type { DemoPatient } from './demo-patients.js';

/**
 * The patient's intake as of `date`, through the same parser as the API's, so the demo never
 * stores what a user could not: a healthy patient's answers with the story's history on top.
 */
export function demoIntake(patient: DemoPatient, date: IsoDate, history: Record<string, unknown> = {}): Intake {
  const parsed = parseIntake({
    patient: {
      birthDate: patient.birthDate,
      sex: patient.sex,
      pregnant: false,
      breastfeeding: false,
      conditions: [],
      medications: [],
      allergies: [],
      recentProcedures: [],
      site: { inflammation: false, skinDamage: false },
      needleFear: false,
      ...(patient.history?.(date) ?? {}),
      ...history,
    },
    request: { indication: patient.indication, area: patient.area, date, combineWith: [] },
  });
  if (!parsed.ok)
    throw new Error(
      `demo intake of ${patient.firstName} ${patient.lastName} is invalid: ${parsed.problems.map(formatProblem).join('; ')}`,
    );
  return parsed.value;
}

/**
 * Records an intake and its assessment and screens the patient's booked sessions against it, as
 * the intake route does (POST /api/patients/:id/intakes).
 */
export async function recordIntake(
  ctx: DemoContext,
  by: UserRecord,
  patient: PatientRecord,
  intake: Intake,
): Promise<{ assessment: AssessmentRecord; result: AssessmentResult }> {
  const { tx, knowledgeBase } = ctx;
  const result = assess(intake, knowledgeBase);
  const stored = await tx.intakes.create({ patientId: patient.id, data: intake, createdBy: by.id });
  const assessment = await tx.assessments.create({
    intakeId: stored.id,
    patientId: patient.id,
    result,
    createdBy: by.id,
  });
  const screening = await rescreenPatient(tx, knowledgeBase, {
    patientId: patient.id,
    intake,
    now: ctx.timeline.now,
  });
  await audit(ctx, by, [
    { action: 'create', entity: 'intake', entityId: stored.id, patientId: patient.id },
    { action: 'create', entity: 'assessment', entityId: assessment.id, patientId: patient.id },
    ...screening.changes.map(screeningAuditEvent),
  ]);
  return { assessment, result };
}
