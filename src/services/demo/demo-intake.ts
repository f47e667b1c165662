import { assess } from '../../core/assessment/assess.js';
import type { AssessmentResult } from '../../core/assessment/assessment-result.js';
import type { Intake } from '../../core/assessment/intake-schema.js';
import { nothingToReport } from '../../core/assessment/nothing-to-report.js';
import { formatProblem, parseIntake } from '../../core/assessment/parse-intake.js';
import type { IsoDate } from '../../core/dates/iso-date.js';
import type { AssessmentRecord, PatientRecord, UserRecord } from '../../core/records/index.js';
import { recordIntake as recordPatientIntake } from '../intakes/record-intake.js';
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
      ...nothingToReport(),
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
 * Assesses and records an intake, screening the patient's booked sessions against it, as the intake
 * route does (POST /api/patients/:id/intakes), with the demo's clock and audit.
 */
export async function recordIntake(
  ctx: DemoContext,
  by: UserRecord,
  patient: PatientRecord,
  intake: Intake,
): Promise<{ assessment: AssessmentRecord; result: AssessmentResult }> {
  const result = assess(intake, ctx.knowledgeBase);
  const recorded = await recordPatientIntake(ctx.tx, ctx.knowledgeBase, {
    patientId: patient.id,
    intake,
    result,
    by: by.id,
    now: ctx.timeline.now,
  });
  await audit(ctx, by, recorded.audit);
  return { assessment: recorded.assessment, result };
}
