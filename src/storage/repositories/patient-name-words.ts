import type { PatientNamePairsTable, PatientNameWordsTable, PatientsTable } from '../database-schema.js';

type NamedPatient = Pick<PatientsTable, 'id' | 'clinic_id' | 'first_name_key' | 'last_name_key'>;

/** The distinct words of a patient's name keys (a search token matches when it starts one). */
export function nameWords(patient: Pick<PatientsTable, 'first_name_key' | 'last_name_key'>): string[] {
  return [...new Set(`${patient.first_name_key} ${patient.last_name_key}`.split(' ').filter(Boolean))];
}

/** The search rows of one patient: each distinct word of the name, with the keys the results are ordered by. */
export function nameWordRows(patient: NamedPatient): PatientNameWordsTable[] {
  return nameWords(patient).map((word) => ({
    patient_id: patient.id,
    clinic_id: patient.clinic_id,
    word,
    last_name_key: patient.last_name_key,
    first_name_key: patient.first_name_key,
  }));
}

/** Every ordered pair of two different words of the name (none for a one-word name). */
export function namePairRows(patient: NamedPatient): PatientNamePairsTable[] {
  const words = nameWords(patient);
  return words.flatMap((word) =>
    words
      .filter((other) => other !== word)
      .map((other) => ({
        patient_id: patient.id,
        clinic_id: patient.clinic_id,
        word,
        other,
        last_name_key: patient.last_name_key,
        first_name_key: patient.first_name_key,
      })),
  );
}
