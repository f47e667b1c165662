import type { OutcomeRecord } from '../../core/records/index.js';

export interface OutcomeInput {
  patientRating?: number | null;
  practitionerRating?: number | null;
  notes?: string | null;
}

/** Who sends a patient rating: the patient themselves, or staff passing it on. */
export type RatingGiver = 'patient' | 'staff';

/** An outcome with when its session was, for charting a course. */
export interface SessionOutcome extends OutcomeRecord {
  courseId: string;
  scheduledAt: string;
}

export interface OutcomeRepository {
  /**
   * Creates the session's outcome or updates the given fields of it, recording `by` as the giver of a
   * patient rating sent. A rating the patient gave is theirs: when staff send one over it, nothing at
   * all is saved (in the same statement, so no concurrent write slips between), and the outcome comes
   * back as it was, `patientRatingBy: 'patient'`, for the caller to refuse.
   */
  save(sessionId: string, input: OutcomeInput, by?: RatingGiver): Promise<OutcomeRecord>;
  findBySession(sessionId: string): Promise<OutcomeRecord | undefined>;
  /** The patient's outcomes (of one course, if given) in session order. */
  listByPatient(patientId: string, courseId?: string): Promise<SessionOutcome[]>;
  /** Every outcome of these patients (a batch of an export), in session order. */
  listByPatients(patientIds: readonly string[]): Promise<SessionOutcome[]>;
}
