import { assess, UnknownCodeError } from '../../core/assessment/assess.js';
import type { AssessmentResult } from '../../core/assessment/assessment-result.js';
import type { KnowledgeBase } from '../../core/knowledge/knowledge-base.js';
import { patientAllergens, type PatientAllergens } from '../../core/treatment/allergy-terms.js';
import {
  anaesthesiaAgents,
  judgeProducts,
  treatmentPlanView,
  type AnaesthesiaAgentView,
  type JudgedProduct,
  type TreatmentPlanView,
} from '../../core/treatment/plan-view.js';
import { treatmentGate, type SessionScreening, type TreatmentGate } from '../../core/treatment/treatment-gate.js';
import type { IntakeRecord, PatientRecord, TreatmentSessionRecord } from '../../core/records/index.js';
import type { Repositories } from '../../storage/repositories/repositories.js';
import { clinicTimeZone } from '../documents/clinic-zone.js';
import { localDate } from '../../core/dates/local-date.js';

/** Everything the gate decided for one session, and what the chart page needs beside it. */
export interface SessionTreatmentCheck {
  session: TreatmentSessionRecord;
  patient: PatientRecord;
  timeZone: string;
  /** The session's calendar date where it takes place. */
  sessionDate: string;
  /** Today where the session takes place (the server's clock). */
  today: string;
  intake: IntakeRecord | undefined;
  /** The latest intake assessed for the course's treatment as of the session's date; null without one. */
  assessment: AssessmentResult | null;
  gate: TreatmentGate;
  allergies: { substance: string }[];
  allergens: PatientAllergens;
  plan: TreatmentPlanView | null;
  anaesthesiaAgents: AnaesthesiaAgentView[];
}

/** The session's calendar date where it takes place: its location, else the clinic's first, else UTC (as re-screening reads it). */
export async function sessionDay(
  repos: Repositories,
  session: TreatmentSessionRecord,
  clinicId: string,
  now: Date,
): Promise<{ timeZone: string; sessionDate: string; today: string }> {
  const timeZone = await clinicTimeZone(repos, clinicId, session.locationId);
  return {
    timeZone,
    sessionDate: localDate(session.scheduledAt, timeZone),
    today: localDate(now.toISOString(), timeZone),
  };
}

/**
 * Re-assesses the patient's latest intake for the session's course (its indication and area) as of
 * the session's day, with the knowledge base the server runs, the way re-screening does, and judges
 * the session with the treatment gate. Pass the transaction's repositories when the result decides a
 * write.
 */
export async function checkTreatment(
  repos: Repositories,
  knowledgeBase: KnowledgeBase,
  target: { session: TreatmentSessionRecord; patient: PatientRecord },
  now: Date,
): Promise<SessionTreatmentCheck> {
  const { session, patient } = target;
  const [course, intake, day] = await Promise.all([
    repos.courses.findById(session.courseId),
    repos.intakes.latestForPatient(patient.id),
    sessionDay(repos, session, patient.clinicId, now),
  ]);
  if (!course) throw new Error(`session ${session.id} has lost its course`);
  let screening: SessionScreening = { kind: 'no_intake' };
  if (intake) {
    const request = { ...intake.data.request, date: day.sessionDate, indication: course.indication, area: course.area };
    try {
      screening = { kind: 'assessed', assessment: assess({ ...intake.data, request }, knowledgeBase) };
    } catch (error) {
      // A knowledge base that dropped the course's treatment cannot clear the session: fail closed.
      if (!(error instanceof UnknownCodeError)) throw error;
      screening = { kind: 'unassessable', problem: error.problem };
    }
  }
  const allergies = (intake?.data.patient.allergies ?? []).map((a) => ({ substance: a.substance }));
  const allergens = patientAllergens(allergies, knowledgeBase);
  const agents = anaesthesiaAgents(knowledgeBase, allergens);
  const assessment = screening.kind === 'assessed' ? screening.assessment : null;
  return {
    session,
    patient,
    ...day,
    intake,
    assessment,
    gate: treatmentGate({ screening, sessionDate: day.sessionDate, today: day.today }),
    allergies,
    allergens,
    plan: assessment?.plan ? treatmentPlanView(assessment.plan, agents) : null,
    anaesthesiaAgents: agents,
  };
}

/** The clinic's products, judged against the session's plan and the patient's allergies. */
export async function judgeClinicProducts(
  repos: Repositories,
  knowledgeBase: KnowledgeBase,
  check: SessionTreatmentCheck,
): Promise<JudgedProduct[]> {
  const products = await repos.products.listProducts(check.patient.clinicId);
  return judgeProducts(products, check.assessment?.plan, check.allergens, knowledgeBase);
}
