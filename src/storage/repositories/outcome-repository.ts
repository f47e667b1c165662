import type { OutcomeRecord } from '../../core/records/index.js';

export interface OutcomeInput {
  patientRating?: number | null;
  practitionerRating?: number | null;
  notes?: string | null;
}

/** An outcome with when its session was, for charting a course. */
export interface SessionOutcome extends OutcomeRecord {
  courseId: string;
  scheduledAt: string;
}

export interface OutcomeRepository {
  /** Creates the session's outcome or updates the given fields of it. */
  save(sessionId: string, input: OutcomeInput): Promise<OutcomeRecord>;
  findBySession(sessionId: string): Promise<OutcomeRecord | undefined>;
  /** The patient's outcomes (of one course, if given) in session order. */
  listByPatient(patientId: string, courseId?: string): Promise<SessionOutcome[]>;
  /** Every outcome of these patients (a batch of an export), in session order. */
  listByPatients(patientIds: readonly string[]): Promise<SessionOutcome[]>;
}
