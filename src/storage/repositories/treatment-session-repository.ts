import type { SessionStatus, TreatmentSessionRecord } from '../../core/records/index.js';
import type { Page } from './page.js';
import type { PatientContact } from './patient-contact.js';
import type { RecordRepository } from './record-repository.js';

export interface NewTreatmentSession {
  courseId: string;
  scheduledAt: string;
  durationMinutes?: number | null;
  practitionerId?: string | null;
  locationId?: string | null;
  roomId?: string | null;
}

export interface TreatmentSessionPatch {
  scheduledAt?: string;
  durationMinutes?: number | null;
  practitionerId?: string | null;
  locationId?: string | null;
  roomId?: string | null;
  status?: SessionStatus;
}

export interface ScheduleQuery extends Page {
  clinicId: string;
  /** Inclusive lower and exclusive upper bound on `scheduledAt` (ISO timestamps compare as text). */
  from?: string;
  to?: string;
  practitionerId?: string;
  locationId?: string;
  status?: SessionStatus;
}

/** A schedule line: the session and the patient's contact details, nothing clinical. */
export interface ScheduleEntry {
  session: TreatmentSessionRecord;
  patient: PatientContact;
}

export interface TreatmentSessionRepository extends RecordRepository<NewTreatmentSession, TreatmentSessionRecord> {
  /** In schedule order. */
  listByCourse(courseId: string): Promise<TreatmentSessionRecord[]>;
  listByPatient(patientId: string): Promise<TreatmentSessionRecord[]>;
  schedule(query: ScheduleQuery): Promise<ScheduleEntry[]>;
  update(id: string, patch: TreatmentSessionPatch): Promise<TreatmentSessionRecord | undefined>;
  /**
   * Holds the session until the caller's transaction ends (PostgreSQL row lock; SQLite runs one writer
   * at a time), so a change that first checks the session's status cannot race another change.
   */
  lockForChange(id: string): Promise<void>;
  /** Records (or with `null`, clears) a re-screening flag. */
  setFlag(id: string, flag: { verdict: string; reasons: unknown } | null): Promise<TreatmentSessionRecord | undefined>;
  /** Flagged sessions of a clinic (the session_flags view), soonest first. */
  listFlagged(clinicId: string): Promise<TreatmentSessionRecord[]>;
  /** Every session of these patients (a batch of an export), in schedule order. */
  listByPatients(patientIds: readonly string[]): Promise<TreatmentSessionRecord[]>;
}
