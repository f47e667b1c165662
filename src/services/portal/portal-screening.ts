import type { AssessmentResult, Plan } from '../../core/assessment/assessment-result.js';
import type { Intake } from '../../core/assessment/intake-schema.js';
import type { IsoDate } from '../../core/dates/iso-date.js';
import type { KnowledgeBase } from '../../core/knowledge/knowledge-base.js';
import { portalOutcome, type PortalOutcome } from '../../core/portal/portal-outcome.js';
import type { AssessmentRecord, PatientRecord, UserRecord } from '../../core/records/index.js';
import type { Repositories } from '../../storage/repositories/repositories.js';
import { conflict, InvalidInputError, notFound, type FieldProblem } from '../domain-errors.js';
import { recordIntake, type RecordedIntake } from '../intakes/record-intake.js';
import { loadPortalPatient } from './portal-patient.js';

/** How long a portal screening may be booked from: answers about medicines and skin go stale. */
export const screeningValidDays = 14;
const dayMs = 86_400_000;

/**
 * `reviewed: true` says a clinician judged an unknown condition, procedure or allergy irrelevant;
 * a patient cannot say that of their own answers, so the portal refuses it (naming each one) rather
 * than let it close an open screening question.
 */
export function assertNoClinicianReview(intake: Intake): void {
  const { conditions, allergies, recentProcedures } = intake.patient;
  const problems: FieldProblem[] = [];
  const check = (list: readonly { reviewed?: boolean }[], path: string) =>
    list.forEach((item, i) => {
      if (item.reviewed === true)
        problems.push({
          field: `patient.${path}[${i}].reviewed`,
          message: 'only a clinician may mark an answer reviewed; leave it out and the clinic will review it',
        });
    });
  check(conditions, 'conditions');
  check(allergies, 'allergies');
  check(recentProcedures, 'recentProcedures');
  if (problems.length > 0) throw new InvalidInputError(problems);
}

export interface PortalScreening extends RecordedIntake {
  outcome: PortalOutcome;
}

/**
 * A patient's own intake, stored and assessed exactly as the clinic's (recordIntake: the upcoming
 * sessions are re-screened against it too), in the caller's transaction, with what it allows online.
 */
export async function screenPortalIntake(
  tx: Repositories,
  knowledgeBase: KnowledgeBase,
  input: { patient: PatientRecord; user: UserRecord; intake: Intake; result: AssessmentResult; now: Date },
): Promise<PortalScreening> {
  const recorded = await recordIntake(tx, knowledgeBase, {
    patientId: input.patient.id,
    intake: input.intake,
    result: input.result,
    by: input.user.id,
    now: input.now,
  });
  return { ...recorded, outcome: portalOutcome(input.result) };
}

export interface BookableScreening {
  patient: PatientRecord;
  assessment: AssessmentRecord;
  plan: Plan;
  /** The day the patient asked to start from (the intake's request date). */
  requestDate: IsoDate;
}

/**
 * The patient's own screening, if it allows booking online now: the assessment of their latest
 * intake, recent, and bookable (portalOutcome). Anything else is refused with what to do instead;
 * this is the server's rule, whatever a page offered.
 */
export async function loadBookableScreening(
  repos: Repositories,
  user: UserRecord,
  assessmentId: string,
  now: Date,
): Promise<BookableScreening> {
  const patient = await loadPortalPatient(repos, user);
  const assessment = await repos.assessments.findById(assessmentId);
  if (!assessment || assessment.patientId !== patient.id) throw notFound('assessment');
  const latest = await repos.intakes.latestForPatient(patient.id);
  if (!latest || assessment.intakeId !== latest.id)
    throw conflict(
      'assessment_outdated',
      'Your answers have changed since this screening: answer the questionnaire again before booking.',
      { next: 'answer_again' },
    );
  if (now.getTime() - Date.parse(assessment.createdAt) > screeningValidDays * dayMs)
    throw conflict(
      'screening_expired',
      `This screening is more than ${screeningValidDays} days old: answer the questionnaire again before booking.`,
      { next: 'answer_again' },
    );
  const outcome = portalOutcome(assessment.result);
  const plan = assessment.result.plan;
  if (outcome !== 'bookable' || !plan)
    throw conflict(
      'consultation_needed',
      'Your answers need a clinician before any treatment is booked: request a consultation and the clinic will call you.',
      { outcome, next: 'request_consultation' },
    );
  return { patient, assessment, plan, requestDate: latest.data.request.date };
}
