import type { Reason } from '../../core/assessment/assessment-result.js';
import type { Page, PatientRecord, SessionStatus } from './records.js';

/** A re-screening flag as stored: the verdict and the reasons (with their sources) behind it. */
export interface ScreeningFlag {
  verdict: string;
  reasons: Reason[];
}

/** An upcoming session as re-screening needs it: its instant and zone (for its local date), its treatment and its current flag. */
export interface ScreeningTarget {
  sessionId: string;
  patientId: string;
  clinicId: string;
  scheduledAt: string;
  /** The zone of the session's location, else of the clinic's first location, else UTC. */
  timeZone: string;
  /** The course's treatment. */
  indication: string;
  area: string;
  flag: ScreeningFlag | null;
  /** Knowledge-base version of the last re-screening, or null. */
  screenedWith: string | null;
}

export interface FlaggedSession extends ScreeningFlag {
  sessionId: string;
  courseId: string;
  scheduledAt: string;
  timeZone: string;
  status: SessionStatus;
  practitionerId: string | null;
  locationId: string | null;
  flaggedAt: string | null;
  patient: Pick<PatientRecord, 'id' | 'firstName' | 'lastName'>;
}

export interface OutdatedScreeningQuery {
  knowledgeBaseVersion: string;
  /** Sessions scheduled after this instant count as upcoming. */
  after: string;
  clinicId?: string;
  /** Keyset paging: only patients whose id sorts after this one. */
  afterPatientId?: string;
  limit: number;
}

export interface ScreeningRepository {
  /** The patient's planned sessions scheduled after `after`, in schedule order. */
  upcomingSessions(patientId: string, after: string): Promise<ScreeningTarget[]>;
  /** Ids, in id order, of patients with an upcoming planned session not yet screened with `knowledgeBaseVersion`. */
  patientsToRescreen(query: OutdatedScreeningQuery): Promise<string[]>;
  /** Records one screening: the version used and the flag (`undefined` keeps the stored one and its time; `null` clears it). */
  recordScreening(sessionId: string, screening: { knowledgeBaseVersion: string; flag?: ScreeningFlag | null }): Promise<void>;
  /** A clinic's flagged planned sessions scheduled after `after`, soonest first. */
  listFlagged(query: { clinicId: string; after: string } & Page): Promise<FlaggedSession[]>;
}
