import type { Reason } from '../../core/assessment/assessment-result.js';
import type { PatientRecord, SessionStatus } from '../../core/records/index.js';
import type { Page } from './page.js';

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

/** A session's place in schedule order (time, then id): where a page of the schedule starts. */
export interface ScheduleKey {
  scheduledAt: string;
  sessionId: string;
}

/** An upcoming session not yet screened with the version asked for. */
export interface OutdatedSession extends ScheduleKey {
  patientId: string;
}

export interface OutdatedScreeningQuery {
  knowledgeBaseVersion: string;
  /** Sessions scheduled after this instant count as upcoming. */
  after: string;
  clinicId?: string;
  /** Keyset paging: only sessions after this one in schedule order. */
  afterSession?: ScheduleKey;
  /** Upcoming sessions looked at (outdated or not). */
  limit: number;
}

export interface OutdatedPage {
  /** The outdated planned sessions among those looked at, in schedule order. */
  sessions: OutdatedSession[];
  /** The last session looked at, where the next page starts; absent once the schedule's end is reached. */
  next?: ScheduleKey;
}

export interface ScreeningRepository {
  /** The patient's planned sessions scheduled after `after`, in schedule order. */
  upcomingSessions(patientId: string, after: string): Promise<ScreeningTarget[]>;
  /** The same for several patients at once, in schedule order. */
  upcomingSessionsOf(patientIds: readonly string[], after: string): Promise<ScreeningTarget[]>;
  /**
   * A page of the upcoming schedule (`limit` sessions, in schedule order, from the last one seen)
   * with the planned sessions in it not yet screened with `knowledgeBaseVersion`.
   */
  outdatedSessions(query: OutdatedScreeningQuery): Promise<OutdatedPage>;
  /** Records one screening: the version used and the flag (`undefined` keeps the stored one and its time; `null` clears it). */
  recordScreening(
    sessionId: string,
    screening: { knowledgeBaseVersion: string; flag?: ScreeningFlag | null },
  ): Promise<void>;
  /** Records that these sessions were screened with `knowledgeBaseVersion` and kept their flags (and the times they were raised). */
  markScreened(sessionIds: readonly string[], knowledgeBaseVersion: string): Promise<void>;
  /** A clinic's flagged planned sessions scheduled after `after`, soonest first. */
  listFlagged(query: { clinicId: string; after: string } & Page): Promise<FlaggedSession[]>;
}
