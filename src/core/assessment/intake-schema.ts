import { z } from 'zod';
import { isIsoDate } from '../dates/iso-date.js';

/**
 * The assessment request of the contract (shared/contract/assessment.md).
 * Extra fields are allowed everywhere (`looseObject`): the contract welcomes them.
 */

const isoDate = z
  .string({ error: (issue) => (issue.input === undefined ? 'required' : 'must be an ISO date (YYYY-MM-DD)') })
  .refine(isIsoDate, { message: 'must be an ISO date (YYYY-MM-DD)' });

const code = z
  .string({ error: (issue) => (issue.input === undefined ? 'required' : 'must be a text code') })
  .trim()
  .min(1, { message: 'must not be empty' });

const optionalBoolean = z.boolean({ error: 'must be true or false' }).optional();

/**
 * `reviewed: true` records that a clinician judged a condition, procedure or allergy the knowledge
 * base does not recognise irrelevant to mesotherapy. It changes nothing for a recognised one.
 */
const reviewed = optionalBoolean;

export const sexValues = ['female', 'male', 'other', 'unknown'] as const;
export const medicationClasses = ['nsaid', 'anticoagulant', 'antiplatelet', 'antibiotic', 'insulin', 'other'] as const;

export const conditionSchema = z.looseObject({
  code,
  controlled: optionalBoolean,
  insulinDependent: optionalBoolean,
  active: optionalBoolean,
  medicationCount: z
    .number({ error: 'must be a whole number' })
    .int({ message: 'must be a whole number' })
    .min(0, { message: 'must be 0 or more' })
    .optional(),
  date: isoDate.optional(),
  reviewed,
});

export const medicationSchema = z.looseObject({
  name: z.string({ error: 'must be text' }).optional(),
  class: z.enum(medicationClasses, { error: `must be one of: ${medicationClasses.join(', ')}` }),
  lastDose: isoDate.optional(),
  ongoing: optionalBoolean,
});

export const allergySchema = z.looseObject({ substance: code, reviewed });

export const procedureSchema = z.looseObject({ type: code, date: isoDate.optional(), reviewed });

const objectError = (issue: { input: unknown }) => (issue.input === undefined ? 'required' : 'must be an object');

export const patientSchema = z.looseObject(
  {
    birthDate: isoDate,
    sex: z.enum(sexValues, { error: `must be one of: ${sexValues.join(', ')}` }).optional(),
    pregnant: optionalBoolean,
    breastfeeding: optionalBoolean,
    conditions: z.array(conditionSchema, { error: 'must be a list' }).default([]),
    medications: z.array(medicationSchema, { error: 'must be a list' }).default([]),
    allergies: z.array(allergySchema, { error: 'must be a list' }).default([]),
    recentProcedures: z.array(procedureSchema, { error: 'must be a list' }).default([]),
    site: z
      .looseObject({ inflammation: optionalBoolean, skinDamage: optionalBoolean }, { error: 'must be an object' })
      .default({}),
    needleFear: optionalBoolean,
  },
  { error: objectError },
);

export const treatmentRequestSchema = z.looseObject(
  {
    indication: code,
    area: code,
    date: isoDate,
    combineWith: z.array(code, { error: 'must be a list' }).default([]),
  },
  { error: objectError },
);

export const intakeSchema = z.looseObject(
  {
    patient: patientSchema,
    request: treatmentRequestSchema,
  },
  { error: 'must be a JSON object with patient and request' },
);

export type Intake = z.output<typeof intakeSchema>;
export type IntakeInput = z.input<typeof intakeSchema>;
export type Patient = z.output<typeof patientSchema>;
export type PatientCondition = z.output<typeof conditionSchema>;
export type Medication = z.output<typeof medicationSchema>;
export type MedicationClass = (typeof medicationClasses)[number];
export type TreatmentRequest = z.output<typeof treatmentRequestSchema>;
