import type { AssessmentResult } from '../../core/assessment/assessment-result.js';
import type { AssessmentRecord } from './records.js';

export interface NewAssessment {
  intakeId: string | null;
  patientId: string | null;
  result: AssessmentResult;
  createdBy: string | null;
}

export interface AssessmentRepository {
  /** The verdict and knowledge-base version are copied out of the result into their own columns. */
  create(input: NewAssessment): Promise<AssessmentRecord<AssessmentResult>>;
  findById(id: string): Promise<AssessmentRecord<AssessmentResult> | undefined>;
  /** Newest first. */
  listByIntake(intakeId: string): Promise<AssessmentRecord<AssessmentResult>[]>;
  listByPatient(patientId: string): Promise<AssessmentRecord<AssessmentResult>[]>;
}
