import type {
  IsoTimestamp,
  JsonText,
  SessionStatus,
  AuditAction,
  OutboxStatus,
  MessageChannelName,
} from './column-values.js';

// Row types (conventions in ../database-schema.ts): audit trail, outbox, booking guards, schedules, recalls, flags view.

/** Append-only (triggers refuse UPDATE and DELETE). No foreign keys: the trail outlives what it names. */
export interface AuditLogTable {
  id: string;
  at: IsoTimestamp;
  clinic_id: string | null;
  user_id: string | null;
  role: string | null;
  action: AuditAction;
  entity: string;
  entity_id: string | null;
  patient_id: string | null;
  route: string | null;
  /** JSON `[entityId, patientId][]` when the entry names more than one record; else null. */
  records: string | null;
  /** The distinct patients of `records`, a JSON array, when there are two or more (indexed). */
  patient_ids: string | null;
  /** Why the request was refused (`wrong_password`, `account_locked`, ...); null when it was not (0022). */
  reason: string | null;
  /** The client's address as the server saw it (behind a proxy, as the trusted proxy reported it); 0022. */
  client_address: string | null;
  /** How the request got in when not by a sign-in: `calendar_feed:<id>` (0024); null for a signed-in user. */
  via: string | null;
}

/**
 * Recent failed sign-in tries of one account (its normalised email) or one client address (0022):
 * tries past a few free ones must wait longer after the last one, and an account with many is
 * locked until `locked_until`. A try in progress counts until it succeeds.
 */
export interface LoginThrottlesTable {
  scope: 'account' | 'address';
  key: string;
  failures: number;
  last_try_at: IsoTimestamp;
  /** The try before the last: how long the last one waited. */
  previous_try_at: IsoTimestamp | null;
  locked_until: IsoTimestamp | null;
}

/**
 * Messages to patients, written in the same transaction as the booking that needs them and sent
 * later by a worker (0014). One row per session and kind: rebooking replaces, never duplicates.
 * A worker claims a row by setting `locked_by`/`locked_until`; a claim that outlives its lock
 * (a crashed worker) is taken over by another.
 */
export interface OutboxMessagesTable {
  id: string;
  /** Null for a message to staff (0024), which is about no session or patient. */
  session_id: string | null;
  patient_id: string | null;
  clinic_id: string;
  /** src/core/messages `OutboxKind`: a `MessageKind` to patients, or a `StaffMessageKind`. */
  kind: string;
  channel: MessageChannelName;
  recipient: string;
  subject: string;
  body: string;
  /** What the message is about (src/core/messages `PlannedMessage.fingerprint`): a sent one is resent only when it changes. */
  fingerprint: string;
  due_at: IsoTimestamp;
  status: OutboxStatus;
  /** Claims so far, each one a try at sending. */
  attempts: number;
  last_error: string | null;
  /** `due_at` at first, later when a failed try waits to be retried. */
  next_attempt_at: IsoTimestamp;
  locked_by: string | null;
  locked_until: IsoTimestamp | null;
  sent_at: IsoTimestamp | null;
  created_at: IsoTimestamp;
  updated_at: IsoTimestamp;
}

/**
 * One 15-minute slot held by a planned or done session, for its practitioner and its room (0013).
 * Unique indexes on (practitioner_id, slot_start) and (room_id, slot_start) refuse double booking.
 */
export interface SessionSlotClaimsTable {
  session_id: string;
  /** Start of the slot, ISO 8601 UTC as `Date.toISOString()` writes it. */
  slot_start: IsoTimestamp;
  practitioner_id: string | null;
  room_id: string | null;
}

/** How a course was booked (0013), so that a re-flow keeps the location, spacing and preferences. */
export interface CourseSchedulesTable {
  course_id: string;
  location_id: string;
  /** Sessions after this many follow the plan's later interval; null: never. */
  switch_after: number | null;
  /** JSON `{ weekdays?, timesOfDay? }`: the patient's preferences, for sessions a re-flow moves. */
  preferences: JsonText | null;
  created_at: IsoTimestamp;
  updated_at: IsoTimestamp;
}

/** When to call a patient back for maintenance after a course (0013); one per course. */
export interface MaintenanceRecallsTable {
  id: string;
  course_id: string;
  /** Local date (clinic zone) of the course's last session. */
  last_session_date: string;
  due_from: string;
  due_to: string;
  message: string;
  created_by: string | null;
  created_at: IsoTimestamp;
  updated_at: IsoTimestamp;
}

/** A view: sessions whose re-screening flagged them, with the patient they belong to. */
export interface SessionFlagsView {
  session_id: string;
  course_id: string;
  patient_id: string;
  clinic_id: string;
  scheduled_at: IsoTimestamp;
  status: SessionStatus;
  flag_verdict: string;
  flag_reasons: JsonText | null;
  flagged_at: IsoTimestamp | null;
}
