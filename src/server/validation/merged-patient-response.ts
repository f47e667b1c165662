import { z } from 'zod';
import { errorResponse } from './fields.js';

/**
 * What a 409 `patient_merged` carries: a write to a record merged into another, or to anything of
 * it, is refused (services/access/merged-patient.ts), naming the record kept so the client can go
 * there. Declared on every route that writes to a patient: a 409 schema without these fields would
 * leave them out of the answer.
 */
export const mergedPatientFields = {
  patientId: z.string().optional().describe('patient_merged: the merged record the write was about'),
  mergedIntoId: z.string().optional().describe('patient_merged: the record it was merged into; write there instead'),
};

/** A 409 answer of a route that writes to a patient: its own conflicts, or `patient_merged`. */
export const patientWriteConflict = errorResponse.extend(mergedPatientFields);

/** A route's own 409 schema, able to carry `patient_merged`'s fields too. */
export function orPatientMerged<S extends z.ZodObject>(conflict: S) {
  return conflict.extend(mergedPatientFields);
}
