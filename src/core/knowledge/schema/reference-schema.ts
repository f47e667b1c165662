import { z } from 'zod';
import { citation, id, sourced, text } from './common.js';

export const needleFreeSchema = z.strictObject({
  needleFree: z.strictObject({
    name: text,
    description: text,
    agents: z.array(id).min(1),
    areas: z.array(id).min(1),
    indications: z.array(id).min(1),
    offerWhen: text,
    sideEffects: text,
    combinations: text,
    ...sourced,
  }),
});

export const faqSchema = z.strictObject({
  faq: z
    .array(z.strictObject({ id, question: text, answer: text, tags: z.array(id).default([]), ...sourced }))
    .min(1),
});

export const conflictSchema = z.strictObject({
  id,
  topic: text,
  statements: z.array(z.strictObject({ citation, says: text })).min(2, { message: 'a conflict needs at least two statements' }),
  applied: text,
  ...sourced,
});

export const correctionSchema = z.strictObject({
  id,
  citation,
  sourceSays: text,
  correctedTo: text,
  why: text,
});

export const referenceSchemas = {
  needleFree: needleFreeSchema,
  faq: faqSchema,
  conflicts: z.strictObject({ conflicts: z.array(conflictSchema).min(1) }),
  corrections: z.strictObject({ corrections: z.array(correctionSchema).min(1) }),
};

export type NeedleFree = z.output<typeof needleFreeSchema>['needleFree'];
export type FaqEntry = z.output<typeof faqSchema>['faq'][number];
export type Conflict = z.output<typeof conflictSchema>;
export type Correction = z.output<typeof correctionSchema>;
