import type { Plan } from '../core/assessment/assessment-result.js';
import type { Intake } from '../core/assessment/intake-schema.js';

/**
 * The clinic's records as the interop layer reads them: the tables of src/storage/database-schema.ts
 * in camelCase, with JSON parsed and 0/1 flags as booleans. They are written to match what the
 * storage repositories hand out (src/storage/repositories/records.ts), so a repository record can be
 * passed in as it is; `records-compat.test.ts` keeps the two in step. Columns the documents and
 * exports never read (search keys, user agents, photo paths) are left out on purpose, so a record
 * with more fields still fits.
 *
 * Timestamps are ISO 8601 instants with `Z` or an offset; calendar dates are `YYYY-MM-DD`.
 */

export type Sex = 'female' | 'male' | 'other' | 'unknown';
export type CourseStatus = 'active' | 'completed' | 'cancelled';
export type SessionStatus = 'planned' | 'done' | 'cancelled' | 'no_show';
export type InjectionTechnique = 'manual' | 'gun' | 'needle_free';
export type AuditAction = 'read' | 'create' | 'update' | 'delete';

export interface ClinicRecord {
  id: string;
  name: string;
}

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

/** `data` is the contract's assessment request, already parsed (parseIntake) by whoever loads it. */
export interface IntakeRecord {
  id: string;
  patientId: string;
  version: number;
  data: Intake;
  createdBy: string | null;
  createdAt: string;
}

export interface CourseRecord {
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

export interface TreatmentSessionRecord {
  id: string;
  courseId: string;
  patientId: string;
  scheduledAt: string;
  durationMinutes: number | null;
  practitionerId: string | null;
  locationId: string | null;
  status: SessionStatus;
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
  /** A `data:` URL of the drawn signature, or null when only a name was typed. */
  signatureImage: string | null;
  signedAt: string;
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

/** A clinician's decision to treat despite temporary reasons (the treatment gate), with theirs. */
export interface TreatmentOverrideRecord {
  reason: string;
  verdict: string;
  /** The reason codes overridden. */
  reasons: readonly string[];
  by: string | null;
  byName?: string | null;
  at: string;
}

/** A later note on a chart, which itself never changes. */
export interface ChartAddendumRecord {
  id: string;
  text: string;
  createdBy: string | null;
  createdByName: string | null;
  createdAt: string;
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
  /** Absent or null: the session was treated without overriding anything. */
  override?: TreatmentOverrideRecord | null;
  /** The clinician confirmed depths or volumes outside the plan. */
  outsidePlanConfirmed?: boolean;
  /** Oldest first. */
  addenda?: readonly ChartAddendumRecord[];
}

export interface SideEffectReportRecord {
  id: string;
  sessionId: string;
  reporterUserId: string | null;
  symptom: string;
  /** Symptom codes ticked on the form; absent or empty on older reports. */
  symptoms?: readonly string[];
  onset: string | null;
  severity: string | null;
  /** The triage core's result (TriageResult) when one was stored; read defensively. */
  triage: unknown;
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
  records: { entityId: string | null; patientId: string | null }[];
}

/**
 * Everything one patient's export or summary needs, loaded together. Catalogue rows (products, lots,
 * consent texts) are the ones this patient's records refer to, so a group stands on its own and a
 * whole-clinic export can hold one group at a time.
 */
export interface PatientRecordGroup {
  patient: PatientRecord;
  intakes: readonly IntakeRecord[];
  courses: readonly CourseRecord[];
  sessions: readonly TreatmentSessionRecord[];
  chartEntries: readonly ChartEntryRecord[];
  sideEffects: readonly SideEffectReportRecord[];
  outcomes: readonly OutcomeRecord[];
  consentSignatures: readonly ConsentSignatureRecord[];
  consentTexts: readonly ConsentTextRecord[];
  products: readonly ProductRecord[];
  lots: readonly LotRecord[];
  /** Only exported when asked for (`includeAudit`); the trail is large and not always wanted. */
  audit?: readonly AuditRecord[];
}
