import type { PatientRecord } from '../../core/records/index.js';
import { conflict } from '../domain-errors.js';

/**
 * A record merged into another is kept only so that the merge can be reversed: it is read, never
 * written to, nor is anything of it. The refusal names the record kept, where the person's records
 * now are, so that the client can go there.
 */
export function assertNotMerged(patient: PatientRecord): void {
  if (patient.mergedIntoId !== null)
    throw conflict(
      'patient_merged',
      `patient ${patient.id} was merged into patient ${patient.mergedIntoId}: make the change there instead`,
      { patientId: patient.id, mergedIntoId: patient.mergedIntoId },
    );
}
