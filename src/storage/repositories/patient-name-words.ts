import type { PatientNameWordsTable, PatientsTable } from '../database-schema.js';

/**
 * The search rows of one patient: each distinct word of the name keys (a search token matches a
 * patient when it starts one of them), with the keys the results are ordered by.
 */
export function nameWordRows(patient: Pick<PatientsTable, 'id' | 'clinic_id' | 'first_name_key' | 'last_name_key'>): PatientNameWordsTable[] {
  const words = new Set(`${patient.first_name_key} ${patient.last_name_key}`.split(' ').filter(Boolean));
  return [...words].map((word) => ({
    patient_id: patient.id,
    clinic_id: patient.clinic_id,
    word,
    last_name_key: patient.last_name_key,
    first_name_key: patient.first_name_key,
  }));
}
