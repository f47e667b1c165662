import type * as core from '../core/records/index.js';

/**
 * The records as the documents and exports read them: the core's record types (src/core/records), narrowed
 * with `Pick` where the builders read only part of a record. A record from the repositories therefore fits
 * as it is, and a test can build one without the columns no document prints (room, flag, user agent).
 */

export type {
  Sex,
  CourseStatus,
  SessionStatus,
  InjectionTechnique,
  AuditAction,
  ClinicRecord,
  PatientRecord,
  IntakeRecord,
  CourseRecord,
  ConsentTextRecord,
  ProductRecord,
  LotRecord,
  InjectionPointRecord,
  OutcomeRecord,
  AuditRecord,
} from '../core/records/index.js';

export type TreatmentSessionRecord = Pick<
  core.TreatmentSessionRecord,
  | 'id'
  | 'courseId'
  | 'patientId'
  | 'scheduledAt'
  | 'durationMinutes'
  | 'practitionerId'
  | 'locationId'
  | 'status'
  | 'createdAt'
  | 'updatedAt'
>;

/** `language` is the signed text's, kept with the signature (the text's own when a record lacks it). */
export type ConsentSignatureRecord = Pick<
  core.ConsentSignatureRecord,
  'id' | 'patientId' | 'consentTextId' | 'typedName' | 'signatureImage' | 'signedAt' | 'userId'
> &
  Partial<Pick<core.ConsentSignatureRecord, 'language'>>;

/** A clinician's decision to treat despite temporary reasons (the treatment gate); the name is printed when known. */
export type TreatmentOverrideRecord = Pick<
  core.TreatmentOverrideRecord,
  'reason' | 'verdict' | 'reasons' | 'by' | 'at'
> &
  Partial<Pick<core.TreatmentOverrideRecord, 'byName'>>;

/** A later note on a chart, which itself never changes. */
export type ChartAddendumRecord = Pick<
  core.ChartAddendumRecord,
  'id' | 'text' | 'createdBy' | 'createdByName' | 'createdAt'
>;

/** Override, confirmation and addenda are absent on charts that had none. */
export type ChartEntryRecord = Pick<
  core.ChartEntryRecord,
  | 'id'
  | 'sessionId'
  | 'anaesthesiaUsed'
  | 'anaesthesiaAgent'
  | 'notes'
  | 'createdBy'
  | 'createdAt'
  | 'updatedAt'
  | 'points'
> &
  Partial<Pick<core.ChartEntryRecord, 'outsidePlanConfirmed'>> & {
    override?: TreatmentOverrideRecord | null;
    /** Oldest first. */
    addenda?: readonly ChartAddendumRecord[];
  };

/** Symptom codes are absent on reports from before they were asked. */
export type SideEffectReportRecord = Pick<
  core.SideEffectReportRecord,
  'id' | 'sessionId' | 'reporterUserId' | 'symptom' | 'onset' | 'severity' | 'triage' | 'createdAt'
> &
  Partial<Pick<core.SideEffectReportRecord, 'symptoms'>>;

/**
 * Everything one patient's export or summary needs, loaded together. Catalogue rows (products, lots,
 * consent texts) are the ones this patient's records refer to, so a group stands on its own and a
 * whole-clinic export can hold one group at a time.
 */
export interface PatientRecordGroup {
  patient: core.PatientRecord;
  intakes: readonly core.IntakeRecord[];
  courses: readonly core.CourseRecord[];
  sessions: readonly TreatmentSessionRecord[];
  chartEntries: readonly ChartEntryRecord[];
  sideEffects: readonly SideEffectReportRecord[];
  outcomes: readonly core.OutcomeRecord[];
  consentSignatures: readonly ConsentSignatureRecord[];
  consentTexts: readonly core.ConsentTextRecord[];
  products: readonly core.ProductRecord[];
  lots: readonly core.LotRecord[];
  /** Only exported when asked for (`includeAudit`); the trail is large and not always wanted. */
  audit?: readonly core.AuditRecord[];
}
