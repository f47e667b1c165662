import type { AssessmentResult } from '../../core/assessment/assessment-result.js';
import type { AssessmentRecord } from '../../core/records/index.js';
import type { RecordRepository } from './record-repository.js';

export interface NewAssessment {
  intakeId: string | null;
  patientId: string | null;
  result: AssessmentResult;
  createdBy: string | null;
}

export interface AssessmentRepository extends RecordRepository<NewAssessment, AssessmentRecord> {
  /** The verdict and knowledge-base version are copied out of the result into their own columns. */
  create(input: NewAssessment): Promise<AssessmentRecord>;
  /** Newest first. */
  listByIntake(intakeId: string): Promise<AssessmentRecord[]>;
  listByPatient(patientId: string): Promise<AssessmentRecord[]>;
}
