import type { AssessmentResult } from '../../core/assessment/assessment-result.js';
import type { Intake } from '../../core/assessment/intake-schema.js';
import type { KnowledgeBase } from '../../core/knowledge/knowledge-base.js';
import type { AssessmentRecord, IntakeRecord } from '../../core/records/index.js';
import type { AuditEvent } from '../../storage/repositories/audit-entries.js';
import type { Repositories } from '../../storage/repositories/repositories.js';
import { rescreenPatient, screeningAuditEvent } from '../rescreening/rescreen-patient.js';

export interface RecordedIntake {
  intake: IntakeRecord;
  assessment: AssessmentRecord;
  /** The intake, the assessment and each session flag the intake changed, for the caller to record. */
  audit: AuditEvent[];
}

/**
 * Stores a patient's new intake with its assessment (`result`, assessed by the caller before any
 * write), in the caller's transaction. A changed intake can make booked sessions unsafe, or safe
 * again, so the patient's upcoming sessions are screened against it in the same transaction.
 */
export async function recordIntake(
  tx: Repositories,
  knowledgeBase: KnowledgeBase,
  input: { patientId: string; intake: Intake; result: AssessmentResult; by: string; now: Date },
): Promise<RecordedIntake> {
  const { patientId, intake, result, by, now } = input;
  const stored = await tx.intakes.create({ patientId, data: intake, createdBy: by });
  const assessment = await tx.assessments.create({ intakeId: stored.id, patientId, result, createdBy: by });
  const screening = await rescreenPatient(tx, knowledgeBase, { patientId, intake, now });
  return {
    intake: stored,
    assessment,
    audit: [
      { action: 'create', entity: 'intake', entityId: stored.id, patientId },
      { action: 'create', entity: 'assessment', entityId: assessment.id, patientId },
      ...screening.changes.map(screeningAuditEvent),
    ],
  };
}
