/**
 * The row types of every table, as Kysely sees them. One schema for SQLite and PostgreSQL, so:
 * ids are text (UUIDs), timestamps are ISO 8601 text, calendar dates are `YYYY-MM-DD` text,
 * JSON is text, and booleans are integers 0/1 (SQLite has no boolean type).
 *
 * Only repositories (src/storage/repositories) read these types; everything else sees records.
 */

export type IsoTimestamp = string;
export type JsonText = string;
/** 0 or 1. */
export type Flag = number;

export const roles = ['admin', 'practitioner', 'reception', 'patient'] as const;
export type Role = (typeof roles)[number];

export const sessionStatuses = ['planned', 'done', 'cancelled', 'no_show'] as const;
export type SessionStatus = (typeof sessionStatuses)[number];

export const courseStatuses = ['active', 'completed', 'cancelled'] as const;
export type CourseStatus = (typeof courseStatuses)[number];

export const injectionTechniques = ['manual', 'gun', 'needle_free'] as const;
export type InjectionTechnique = (typeof injectionTechniques)[number];

export const photoKinds = ['before', 'after'] as const;
export type PhotoKind = (typeof photoKinds)[number];

export const auditActions = ['read', 'create', 'update', 'delete'] as const;
export type AuditAction = (typeof auditActions)[number];

export const outboxStatuses = ['pending', 'sending', 'sent', 'failed', 'cancelled'] as const;
export type OutboxStatus = (typeof outboxStatuses)[number];

export const messageChannels = ['email', 'log'] as const;
export type MessageChannelName = (typeof messageChannels)[number];

export interface ClinicsTable {
  id: string;
  name: string;
  created_at: IsoTimestamp;
  updated_at: IsoTimestamp;
}

export interface LocationsTable {
  id: string;
  clinic_id: string;
  name: string;
  address: string | null;
  /** IANA zone ("Europe/Berlin"): working hours and time off at the location are read in it. */
  time_zone: string;
  created_at: IsoTimestamp;
  updated_at: IsoTimestamp;
}

export interface UsersTable {
  id: string;
  clinic_id: string;
  /** Stored lower-cased so that uniqueness ignores case on both engines. */
  email: string;
  display_name: string;
  /** argon2id, in PHC string format. */
  password_hash: string;
  role: Role;
  /** Set only for patient accounts: the patient whose records this user may see. */
  patient_id: string | null;
  active: Flag;
  created_at: IsoTimestamp;
  updated_at: IsoTimestamp;
}

export interface AuthSessionsTable {
  id: string;
  /** SHA-256 of the cookie token: a leaked database does not yield usable sessions. */
  token_hash: string;
  user_id: string;
  user_agent: string | null;
  created_at: IsoTimestamp;
  expires_at: IsoTimestamp;
}

export interface PatientsTable {
  id: string;
  clinic_id: string;
  first_name: string;
  last_name: string;
  /** Lower-case, accent-free copies of the names: search behaves the same on both engines. */
  first_name_key: string;
  last_name_key: string;
  birth_date: string;
  sex: string;
  phone: string | null;
  /** Digits of `phone` only, for search regardless of spacing and punctuation. */
  phone_digits: string | null;
  email: string | null;
  created_at: IsoTimestamp;
  updated_at: IsoTimestamp;
}

/**
 * Each word of each patient's name keys, with the keys patients are listed by, so that a name
 * search reads one ordered index range per matching word instead of every patient of the clinic.
 * Written with the patient (repositories/patient-name-words.ts); nothing else reads it.
 */
export interface PatientNameWordsTable {
  patient_id: string;
  clinic_id: string;
  /** One word of `first_name_key` or `last_name_key`; compared bytewise (collation "C" on PostgreSQL). */
  word: string;
  last_name_key: string;
  first_name_key: string;
}

export interface IntakesTable {
  id: string;
  patient_id: string;
  version: number;
  /** The contract's assessment request (patient + request), as JSON. */
  data: JsonText;
  created_by: string | null;
  created_at: IsoTimestamp;
}

export interface AssessmentsTable {
  id: string;
  intake_id: string | null;
  patient_id: string | null;
  result: JsonText;
  verdict: string;
  knowledge_base_version: string;
  created_by: string | null;
  created_at: IsoTimestamp;
}

export interface CoursesTable {
  id: string;
  patient_id: string;
  assessment_id: string | null;
  indication: string;
  area: string;
  plan: JsonText;
  status: CourseStatus;
  created_by: string | null;
  created_at: IsoTimestamp;
  updated_at: IsoTimestamp;
}

export interface TreatmentSessionsTable {
  id: string;
  course_id: string;
  scheduled_at: IsoTimestamp;
  duration_minutes: number | null;
  practitioner_id: string | null;
  location_id: string | null;
  room_id: string | null;
  status: SessionStatus;
  /** Re-screening result (from the triage core) that asks a clinician to look before treating. */
  flag_verdict: string | null;
  flag_reasons: JsonText | null;
  flagged_at: IsoTimestamp | null;
  /** Knowledge-base version of the last re-screening (null: not re-screened yet). */
  screened_kb_version: string | null;
  created_at: IsoTimestamp;
  updated_at: IsoTimestamp;
}

export interface ConsentTextsTable {
  id: string;
  clinic_id: string;
  procedure: string;
  version: number;
  text: string;
  active: Flag;
  created_at: IsoTimestamp;
}

export interface ConsentSignaturesTable {
  id: string;
  patient_id: string;
  consent_text_id: string;
  typed_name: string;
  /** A data: URL of the drawn signature, or null when only a typed name was given. */
  signature_image: string | null;
  signed_at: IsoTimestamp;
  user_agent: string | null;
  user_id: string | null;
}

export interface ProductsTable {
  id: string;
  clinic_id: string;
  name: string;
  manufacturer: string | null;
  /** JSON list of ingredient names or knowledge-base ingredient ids. */
  ingredients: JsonText;
  created_at: IsoTimestamp;
}

export interface LotsTable {
  id: string;
  product_id: string;
  lot_number: string;
  expiry_date: string;
  recalled: Flag;
  recalled_at: IsoTimestamp | null;
  created_at: IsoTimestamp;
}

export interface ChartEntriesTable {
  id: string;
  session_id: string;
  anaesthesia_used: Flag;
  anaesthesia_agent: string | null;
  notes: string | null;
  created_by: string | null;
  created_at: IsoTimestamp;
  updated_at: IsoTimestamp;
}

export interface InjectionPointsTable {
  id: string;
  chart_entry_id: string;
  area: string;
  /** Position on the area diagram, 0..1 from the left and from the top. */
  x: number;
  y: number;
  product_id: string | null;
  lot_id: string | null;
  volume_ml: number | null;
  depth_mm: number | null;
  technique: InjectionTechnique;
}

export interface SideEffectReportsTable {
  id: string;
  session_id: string;
  reporter_user_id: string | null;
  symptom: string;
  onset: IsoTimestamp | null;
  severity: string | null;
  triage: JsonText | null;
  created_at: IsoTimestamp;
  /** JSON list of the side-effect codes the reporter chose (0011); null on older reports. */
  codes: JsonText | null;
  /** 1 while the symptom lasts, 0 once it has gone; null on older reports (0011). */
  ongoing: Flag | null;
  /** `triage.level` in a column of its own, for "needs attention" lists (0011). */
  triage_level: 'expected' | 'review' | 'urgent' | null;
}

export interface SideEffectPhotosTable {
  id: string;
  report_id: string;
  file_path: string;
  mime: string;
  created_at: IsoTimestamp;
}

export interface OutcomesTable {
  id: string;
  session_id: string;
  patient_rating: number | null;
  practitioner_rating: number | null;
  notes: string | null;
  created_at: IsoTimestamp;
  updated_at: IsoTimestamp;
}

export interface PhotosTable {
  id: string;
  patient_id: string;
  session_id: string | null;
  kind: PhotoKind;
  file_path: string;
  mime: string;
  created_by: string | null;
  created_at: IsoTimestamp;
}

export interface RoomsTable {
  id: string;
  location_id: string;
  name: string;
  active: Flag;
  created_at: IsoTimestamp;
  updated_at: IsoTimestamp;
}

/** One practitioner's working week at one location (src/core/scheduling's `PractitionerAvailability`). */
export interface PractitionerAvailabilityTable {
  id: string;
  practitioner_id: string;
  location_id: string;
  /** JSON `WeeklyHours`: ISO weekday → local wall-clock spans. */
  weekly_hours: JsonText;
  /** JSON list of room ids in order of preference; null: any room of the location. */
  room_ids: JsonText | null;
  updated_at: IsoTimestamp;
}

/** Time off (a practitioner) or a closure (practitioner_id null), as local dates or local date-times. */
export interface AvailabilityExceptionsTable {
  id: string;
  location_id: string;
  practitioner_id: string | null;
  kind: 'days' | 'hours';
  /** `days`: first and last local date (both included); `hours`: local date-times (end excluded). */
  starts: string;
  ends: string;
  reason: string | null;
  created_at: IsoTimestamp;
}

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
}

/**
 * Messages to patients, written in the same transaction as the booking that needs them and sent
 * later by a worker (0014). One row per session and kind: rebooking replaces, never duplicates.
 * A worker claims a row by setting `locked_by`/`locked_until`; a claim that outlives its lock
 * (a crashed worker) is taken over by another.
 */
export interface OutboxMessagesTable {
  id: string;
  session_id: string;
  patient_id: string;
  clinic_id: string;
  /** src/core/messages `MessageKind`. */
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

export interface Database {
  clinics: ClinicsTable;
  locations: LocationsTable;
  users: UsersTable;
  auth_sessions: AuthSessionsTable;
  patients: PatientsTable;
  patient_name_words: PatientNameWordsTable;
  intakes: IntakesTable;
  assessments: AssessmentsTable;
  courses: CoursesTable;
  treatment_sessions: TreatmentSessionsTable;
  consent_texts: ConsentTextsTable;
  consent_signatures: ConsentSignaturesTable;
  products: ProductsTable;
  lots: LotsTable;
  chart_entries: ChartEntriesTable;
  injection_points: InjectionPointsTable;
  side_effect_reports: SideEffectReportsTable;
  side_effect_photos: SideEffectPhotosTable;
  outcomes: OutcomesTable;
  photos: PhotosTable;
  audit_log: AuditLogTable;
  rooms: RoomsTable;
  practitioner_availability: PractitionerAvailabilityTable;
  availability_exceptions: AvailabilityExceptionsTable;
  session_slot_claims: SessionSlotClaimsTable;
  course_schedules: CourseSchedulesTable;
  maintenance_recalls: MaintenanceRecallsTable;
  session_flags: SessionFlagsView;
  outbox_messages: OutboxMessagesTable;
}
