import type { SessionStatus } from './record-values.js';

/** Why a session was cancelled or marked a no-show (one per session), who recorded it and when. */
export interface SessionClosureRecord {
  sessionId: string;
  status: 'cancelled' | 'no_show';
  reason: string;
  recordedBy: string | null;
  recordedAt: string;
}

/** One session as a clinic calendar shows it: the session with the names it is shown by. */
export interface CalendarSessionRecord {
  id: string;
  courseId: string;
  patientId: string;
  patientFirstName: string;
  patientLastName: string;
  scheduledAt: string;
  durationMinutes: number | null;
  practitionerId: string | null;
  practitionerName: string | null;
  locationId: string | null;
  roomId: string | null;
  roomName: string | null;
  status: SessionStatus;
  /** The re-screening verdict asking a clinician to look, if any. */
  flagVerdict: string | null;
  indication: string;
  area: string;
  /** 1-based position among the course's planned and done sessions (null for a cancelled or missed one). */
  number: number | null;
  /** The course's planned and done sessions. */
  of: number;
  closure: { reason: string; recordedAt: string } | null;
  updatedAt: string;
}
