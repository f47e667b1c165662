import type {
  AuditAction,
  CourseStatus,
  InjectionTechnique,
  PhotoKind,
  Role,
  SessionStatus,
} from '../database-schema.js';

export type { AuditAction, CourseStatus, InjectionTechnique, PhotoKind, Role, SessionStatus };

/**
 * What repositories hand out: plain camelCase objects with parsed JSON and real booleans.
 * Timestamps are ISO 8601 strings; calendar dates are YYYY-MM-DD.
 */

export interface ClinicRecord {
  id: string;
  name: string;
  createdAt: string;
  updatedAt: string;
}

export interface LocationRecord {
  id: string;
  clinicId: string;
  name: string;
  address: string | null;
  /** IANA time zone of the location ("Europe/Berlin"). */
  timeZone: string;
  createdAt: string;
  updatedAt: string;
}

/** A user without the password hash, which only the login path ever needs. */
export interface UserRecord {
  id: string;
  clinicId: string;
  email: string;
  displayName: string;
  role: Role;
  patientId: string | null;
  active: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface AuthSessionRecord {
  id: string;
  userId: string;
  userAgent: string | null;
  createdAt: string;
  expiresAt: string;
}

export type Sex = 'female' | 'male' | 'other' | 'unknown';

export interface PatientRecord {
  id: string;
  clinicId: string;
  firstName: string;
  lastName: string;
  birthDate: string;
  sex: Sex;
  phone: string | null;
  email: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface IntakeRecord<Data = unknown> {
  id: string;
  patientId: string;
  version: number;
  data: Data;
  createdBy: string | null;
  createdAt: string;
}

export interface AssessmentRecord<Result = unknown> {
  id: string;
  intakeId: string | null;
  patientId: string | null;
  result: Result;
  verdict: string;
  knowledgeBaseVersion: string;
  createdBy: string | null;
  createdAt: string;
}

export interface CourseRecord<Plan = unknown> {
  id: string;
  patientId: string;
  assessmentId: string | null;
  indication: string;
  area: string;
  plan: Plan;
  status: CourseStatus;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface SessionFlag {
  verdict: string;
  reasons: unknown;
  flaggedAt: string | null;
}

export interface TreatmentSessionRecord {
  id: string;
  courseId: string;
  /** The course's patient, joined in because every access check needs it. */
  patientId: string;
  scheduledAt: string;
  durationMinutes: number | null;
  practitionerId: string | null;
  locationId: string | null;
  roomId: string | null;
  status: SessionStatus;
  flag: SessionFlag | null;
  createdAt: string;
  updatedAt: string;
}

export interface ConsentTextRecord {
  id: string;
  clinicId: string;
  procedure: string;
  version: number;
  text: string;
  active: boolean;
  createdAt: string;
}

export interface ConsentSignatureRecord {
  id: string;
  patientId: string;
  consentTextId: string;
  typedName: string;
  signatureImage: string | null;
  signedAt: string;
  userAgent: string | null;
  userId: string | null;
}

export interface ProductRecord {
  id: string;
  clinicId: string;
  name: string;
  manufacturer: string | null;
  ingredients: string[];
  createdAt: string;
}

export interface LotRecord {
  id: string;
  productId: string;
  lotNumber: string;
  expiryDate: string;
  recalled: boolean;
  recalledAt: string | null;
  createdAt: string;
}

export interface InjectionPointRecord {
  id: string;
  chartEntryId: string;
  area: string;
  x: number;
  y: number;
  productId: string | null;
  lotId: string | null;
  volumeMl: number | null;
  depthMm: number | null;
  technique: InjectionTechnique;
}

/** A clinician's decision to treat a session despite temporary reasons, with theirs. */
export interface TreatmentOverrideRecord {
  id: string;
  sessionId: string;
  /** Null when the session was marked done without a chart. */
  chartEntryId: string | null;
  reason: string;
  /** The verdict overridden (defer). */
  verdict: string;
  /** The reason codes overridden. */
  reasons: string[];
  by: string | null;
  /** The clinician's display name, for showing and printing. */
  byName: string | null;
  at: string;
}

/** A later note on a chart; the chart itself never changes. */
export interface ChartAddendumRecord {
  id: string;
  chartEntryId: string;
  text: string;
  createdBy: string | null;
  /** The author's display name, for showing and printing. */
  createdByName: string | null;
  createdAt: string;
}

/** The screening a chart was written under. */
export interface ChartScreeningRecord {
  verdict: string;
  knowledgeBaseVersion: string;
  /** The session's calendar date where it took place. */
  sessionDate: string;
}

export interface ChartEntryRecord {
  id: string;
  sessionId: string;
  anaesthesiaUsed: boolean;
  anaesthesiaAgent: string | null;
  notes: string | null;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
  points: InjectionPointRecord[];
  /** The override the chart was written under: its own, or the one given when the session was marked done. */
  override: TreatmentOverrideRecord | null;
  outsidePlanConfirmed: boolean;
  /** Null on charts from before the treatment gate. */
  screening: ChartScreeningRecord | null;
  /** Oldest first. */
  addenda: ChartAddendumRecord[];
}

export interface SideEffectReportRecord {
  id: string;
  sessionId: string;
  reporterUserId: string | null;
  symptom: string;
  onset: string | null;
  severity: string | null;
  triage: unknown;
  createdAt: string;
  /** Side-effect codes the reporter chose; empty on reports from before they were asked. */
  codes: string[];
  /** Whether the symptom was still there when reported; null on older reports. */
  ongoing: boolean | null;
  /** Symptom codes the reporter ticked (side-effects.yaml `signs`); empty on reports from before they were asked (0021). */
  symptoms: string[];
  /** Days after the session the symptom began; null on reports from before 0021. */
  onsetDays: number | null;
  /** Who made the report: the patient, or staff on their behalf; null on reports from before 0021. */
  reportedBy: 'patient' | 'staff' | null;
}

export interface SideEffectPhotoRecord {
  id: string;
  reportId: string;
  filePath: string;
  mime: string;
  createdAt: string;
}

export interface OutcomeRecord {
  id: string;
  sessionId: string;
  patientRating: number | null;
  practitionerRating: number | null;
  notes: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface PhotoRecord {
  id: string;
  patientId: string;
  sessionId: string | null;
  kind: PhotoKind;
  filePath: string;
  mime: string;
  createdBy: string | null;
  createdAt: string;
}

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
}

/** Pages of lists: every list is bounded so no request can read a whole table at once. */
export interface Page {
  limit: number;
  offset: number;
}

export interface RoomRecord {
  id: string;
  locationId: string;
  name: string;
  active: boolean;
  createdAt: string;
  updatedAt: string;
}

/** Mirrors src/core/scheduling's `PractitionerAvailability` (weeklyHours is its `WeeklyHours`). */
export interface PractitionerHoursRecord {
  id: string;
  practitionerId: string;
  locationId: string;
  weeklyHours: unknown;
  roomIds: string[] | null;
  updatedAt: string;
}

/** Time off (a practitioner) or a closure (practitionerId null); mirrors `AvailabilityException`. */
export type AvailabilityExceptionRecord = {
  id: string;
  locationId: string;
  practitionerId: string | null;
  reason: string | null;
  createdAt: string;
} & ({ kind: 'days'; from: string; to: string } | { kind: 'hours'; start: string; end: string });

/** A session as the scheduler sees it: who, where, when; nothing clinical. */
export interface BookedSlot {
  sessionId: string;
  practitionerId: string | null;
  locationId: string | null;
  roomId: string | null;
  start: string;
  durationMinutes: number | null;
}

/** One 15-minute slot a session holds for its practitioner and its room (the double-booking guard). */
export interface SlotClaim {
  sessionId: string;
  /** ISO 8601 UTC start of the slot. */
  slotStart: string;
  practitionerId: string | null;
  roomId: string | null;
}

/** How a course was booked: where, with which spacing switch and which patient preferences. */
export interface CourseScheduleRecord {
  courseId: string;
  locationId: string;
  switchAfter: number | null;
  preferences: { weekdays?: number[]; timesOfDay?: { start: string; end: string }[] } | null;
  createdAt: string;
  updatedAt: string;
}

/** When to call the patient back for a maintenance session after a course. */
export interface MaintenanceRecallRecord {
  id: string;
  courseId: string;
  patientId: string;
  lastSessionDate: string;
  dueFrom: string;
  dueTo: string;
  message: string;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
}
