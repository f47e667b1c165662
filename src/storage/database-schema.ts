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
  session_flags: SessionFlagsView;
}
