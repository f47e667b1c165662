import { z } from 'zod';
import { id, sourced, text } from './common.js';

/**
 * What the intake's codes mean and which answers each needs (the assessment contract's Policy, "Fail
 * closed"): the conditions and recent-procedure types the knowledge base recognises, with the other
 * names they go by, and the patient-level questions that must be answered. Everything else an intake
 * names must be mapped to one of these or marked reviewed by a clinician.
 */

/** Condition attributes of the contract that a rule may need answered. */
export const conditionAttributes = ['insulinDependent', 'controlled', 'active', 'medicationCount', 'date'] as const;
export type ConditionAttribute = (typeof conditionAttributes)[number];

const recognisedCode = {
  code: id,
  name: text,
  /** Other names clinicians and patients write, matched case-insensitively with spaces, hyphens and dots as underscores. */
  aliases: z.array(text).default([]),
  ...sourced,
};

export const screeningConditionSchema = z.strictObject({
  ...recognisedCode,
  /** The attributes a reported condition must give before the patient may be treated. */
  requires: z.array(z.enum(conditionAttributes)).default([]),
});

export const procedureTypeSchema = z.strictObject(recognisedCode);

export const patientQuestionSchema = z.strictObject({
  field: z.enum(['pregnant', 'breastfeeding']),
  /** Asked of patients whose age on the treatment date is within these years (both included)... */
  ages: z
    .strictObject({ min: z.number().int().nonnegative(), max: z.number().int().nonnegative() })
    .refine((r) => r.min <= r.max, { message: 'min must not exceed max' }),
  /** ...and whose recorded sex is none of these (an unrecorded sex is asked). */
  exceptSex: z.array(z.enum(['female', 'male', 'other', 'unknown'])).default([]),
  ...sourced,
});

export const screeningSchema = z.strictObject({
  patientQuestions: z.array(patientQuestionSchema),
  conditions: z.array(screeningConditionSchema).min(1),
  procedureTypes: z.array(procedureTypeSchema).min(1),
});

export type ScreeningCondition = z.output<typeof screeningConditionSchema>;
export type ProcedureType = z.output<typeof procedureTypeSchema>;
export type PatientQuestion = z.output<typeof patientQuestionSchema>;
