import { z } from 'zod';
import { patientSchema } from '../../../core/assessment/intake-schema.js';
import { bundleSchema } from '../../../interop/fhir/import-schemas.js';
import { id } from '../../validation/fields.js';
import { queryFlag } from '../../validation/query-flag.js';

export const fhirMime = 'application/fhir+json';

/** A Bundle from another system: 5 MiB holds one patient's history many times over; beyond that is not an intake. */
export const fhirImportBodyLimit = 5 * 1024 * 1024;

export const patientFhirQuery = z.object({
  audit: queryFlag('Add the patient’s audit trail as AuditEvents (admins only)'),
});

/** The Bundle as the importer reads it: only what it relies on is checked, the rest passes through. */
export const importBody = bundleSchema.describe('A FHIR R4 Bundle (JSON) with the patient to pre-fill an intake for');

export const importQuery = z.object({
  patientId: id.optional().describe('Which Patient of the Bundle (its FHIR id), when it holds more than one'),
});

/** The contract's intake `patient` as far as the Bundle said: the birth date may be missing, the rest is for the clinician to complete. */
export const importResult = z.object({
  patientId: z.string().describe('The FHIR id of the Patient the facts were read from'),
  patient: patientSchema.partial({ birthDate: true }),
  unmapped: z
    .array(z.object({ resourceType: z.string(), id: z.string(), reason: z.string() }))
    .describe('Resources about the patient that are not intake facts; a clinician should look at each'),
});
