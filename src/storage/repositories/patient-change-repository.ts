import type { PatientChangeRecord } from '../../core/records/index.js';
import type { FieldChange } from '../../core/patients/contact-changes.js';

export interface NewPatientChanges {
  patientId: string;
  changedBy: string | null;
  changes: readonly FieldChange[];
}

/** The history of a patient record's details: each edit's fields, old and new. Never rewritten. */
export interface PatientChangeRepository {
  /** One edit: its fields share an edit id and a time; nothing is stored for an edit without changes. */
  record(input: NewPatientChanges): Promise<PatientChangeRecord[]>;
  /** Newest edit first, its fields in the order they were given. */
  listForPatient(patientId: string): Promise<PatientChangeRecord[]>;
}
