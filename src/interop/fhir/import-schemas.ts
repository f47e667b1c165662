import { z } from 'zod';

/**
 * The shapes read on import, loosely: only the elements used are checked, anything else passes
 * through, and a resource that fails is reported (not fatal) so one bad entry does not lose the rest.
 */

export const codingSchema = z.looseObject({
  system: z.string().optional(),
  code: z.string().optional(),
  display: z.string().optional(),
});
export const conceptSchema = z.looseObject({ coding: z.array(codingSchema).optional(), text: z.string().optional() });
export const referenceSchema = z.looseObject({ reference: z.string().optional() });
const extensionSchema = z.looseObject({
  url: z.string(),
  valueBoolean: z.boolean().optional(),
  valueInteger: z.number().optional(),
});
const periodSchema = z.looseObject({ start: z.string().optional(), end: z.string().optional() });

export const bundleSchema = z.looseObject({
  resourceType: z.literal('Bundle'),
  entry: z
    .array(
      z.looseObject({
        fullUrl: z.string().optional(),
        resource: z.looseObject({ resourceType: z.string(), id: z.string().optional() }).optional(),
      }),
    )
    .default([]),
});

export const patientSchema = z.looseObject({
  resourceType: z.literal('Patient'),
  id: z.string().optional(),
  gender: z.string().optional(),
  birthDate: z.string().optional(),
});

export const conditionSchema = z.looseObject({
  resourceType: z.literal('Condition'),
  id: z.string().optional(),
  extension: z.array(extensionSchema).optional(),
  clinicalStatus: conceptSchema.optional(),
  verificationStatus: conceptSchema.optional(),
  code: conceptSchema.optional(),
  subject: referenceSchema,
  onsetDateTime: z.string().optional(),
});

export const allergySchema = z.looseObject({
  resourceType: z.literal('AllergyIntolerance'),
  id: z.string().optional(),
  verificationStatus: conceptSchema.optional(),
  code: conceptSchema.optional(),
  patient: referenceSchema,
});

export const medicationSchema = z.looseObject({
  resourceType: z.literal('Medication'),
  id: z.string().optional(),
  code: conceptSchema.optional(),
});

export const medicationStatementSchema = z.looseObject({
  resourceType: z.literal('MedicationStatement'),
  id: z.string().optional(),
  status: z.string(),
  contained: z.array(z.looseObject({ resourceType: z.string(), id: z.string().optional() })).optional(),
  medicationCodeableConcept: conceptSchema.optional(),
  medicationReference: referenceSchema.optional(),
  subject: referenceSchema,
  effectiveDateTime: z.string().optional(),
  effectivePeriod: periodSchema.optional(),
});

export const observationSchema = z.looseObject({
  resourceType: z.literal('Observation'),
  id: z.string().optional(),
  status: z.string().optional(),
  code: conceptSchema.optional(),
  subject: referenceSchema.optional(),
  valueCodeableConcept: conceptSchema.optional(),
});

export type FhirCoding = z.output<typeof codingSchema>;
export type FhirConcept = z.output<typeof conceptSchema>;
export type ImportedCondition = z.output<typeof conditionSchema>;
export type ImportedAllergy = z.output<typeof allergySchema>;
export type ImportedMedicationStatement = z.output<typeof medicationStatementSchema>;
export type ImportedObservation = z.output<typeof observationSchema>;
