import type { PatientHistoryField } from '../patients/contact-changes.js';

/**
 * One field of a patient record changed by one edit: what it was and what it became (as text;
 * null for an empty phone or email). Deactivation and reactivation are changes of `active`.
 */
export interface PatientChangeRecord {
  id: string;
  patientId: string;
  /** Shared by the fields one edit changed together. */
  editId: string;
  field: PatientHistoryField;
  oldValue: string | null;
  newValue: string | null;
  changedBy: string | null;
  changedAt: string;
}

/** The ids of the rows a merge moved, by table name (`intakes`, `courses`, ...). */
export type MovedRecords = Readonly<Record<string, readonly string[]>>;

/**
 * Two records of one person made one: `mergedId`'s records moved to `survivorId`, the merged
 * record kept but pointing at the survivor. `moved` is exactly what a reversal moves back.
 */
export interface PatientMergeRecord {
  id: string;
  clinicId: string;
  survivorId: string;
  mergedId: string;
  moved: MovedRecords;
  mergedBy: string | null;
  mergedAt: string;
  reversedAt: string | null;
  reversedBy: string | null;
}
