import type { OutcomeRecord } from './records.js';

export interface OutcomeInput {
  patientRating?: number | null;
  practitionerRating?: number | null;
  notes?: string | null;
}

export interface OutcomeRepository {
  /** Creates the session's outcome or updates the given fields of it. */
  save(sessionId: string, input: OutcomeInput): Promise<OutcomeRecord>;
  findBySession(sessionId: string): Promise<OutcomeRecord | undefined>;
}
