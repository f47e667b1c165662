import type { PatientRecord } from '../records/patient-records.js';

/** The details an edit may change, as the patient record names them. */
export const patientDetailFields = [
  'firstName',
  'lastName',
  'birthDate',
  'sex',
  'phone',
  'email',
  'preferredLanguage',
] as const;
export type PatientDetailField = (typeof patientDetailFields)[number];

/** What the history of a record keeps: its details, and whether it is active. */
export const patientHistoryFields = [...patientDetailFields, 'active'] as const;
export type PatientHistoryField = (typeof patientHistoryFields)[number];

export type PatientDetails = Pick<PatientRecord, PatientDetailField>;

export interface FieldChange {
  field: PatientHistoryField;
  oldValue: string | null;
  newValue: string | null;
}

/**
 * The fields `patch` really changes on `current`, in the order of `patientDetailFields`: a field
 * sent with the value it already has is no change, so an edit that changes nothing leaves no history.
 */
export function contactChanges(current: PatientDetails, patch: Partial<PatientDetails>): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const field of patientDetailFields) {
    const next = patch[field];
    if (next === undefined || next === current[field]) continue;
    changes.push({ field, oldValue: current[field], newValue: next });
  }
  return changes;
}

/** The change of `active`, stored as text like every other field. */
export function activeChange(active: boolean): FieldChange {
  return { field: 'active', oldValue: active ? 'false' : 'true', newValue: active ? 'true' : 'false' };
}
