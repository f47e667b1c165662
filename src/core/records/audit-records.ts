import type { AuditAction } from './record-values.js';

/** A record an audit entry names, and whose data it is (null when it is no patient's). */
export interface AuditedRecord {
  entityId: string | null;
  patientId: string | null;
}

/**
 * One read or write by one request: every record it touched is in `records`. `entityId` and
 * `patientId` are filled when there is just one of them (one record; one patient), else null.
 */
export interface AuditRecord {
  id: string;
  at: string;
  clinicId: string | null;
  userId: string | null;
  role: string | null;
  action: AuditAction;
  entity: string;
  entityId: string | null;
  patientId: string | null;
  route: string | null;
  records: AuditedRecord[];
  /**
   * Why the request was refused, when it was: a failed sign-in (`wrong_password`, `account_locked`,
   * ...) or a denied access (`denialReasons`: `not_their_record`, `other_clinic`, ...).
   */
  reason?: string;
  /** The client's address, where the entry records it (sign-in attempts, denied access, calendar feeds). */
  clientAddress?: string;
  /** How the request got in when not by the user's sign-in: `calendar_feed:<id>` (a calendar app). */
  via?: string;
  /**
   * Read for a patient: the records merged into theirs that the entry was written about (their ids,
   * as `patientId` and `records` keep them); absent when it concerns the patient's own record only.
   */
  mergedFrom?: string[];
}
