import { z } from 'zod';
import { conflictRefs, id, range, sourced, text } from './common.js';

const timedInstruction = z.strictObject({
  code: id,
  text,
  /** Hours before (preparation) or after (aftercare) the session that it covers. */
  hours: range,
  /** Limit to body regions; omitted = everywhere. */
  regions: z.array(z.enum(['face', 'scalp', 'body'])).optional(),
  conflicts: conflictRefs,
  ...sourced,
});

export const sideEffectSchema = z.strictObject({
  code: id,
  name: text,
  /** Words a patient or clinician may use for it, for matching a report. */
  terms: z.array(text).min(1),
  kind: z.enum(['expected', 'warning']),
  /** For expected effects: how long they usually last. */
  usualHours: range.optional(),
  /** Longer usual duration around the eyes. */
  periorbitalUsualHours: range.optional(),
  /** For warning signs: how soon a clinician must see it. */
  urgency: z.enum(['urgent', 'review']).optional(),
  advice: text,
  conflicts: conflictRefs,
  ...sourced,
});

export const careSchemas = {
  preparation: z.strictObject({ preparation: z.array(timedInstruction).min(1) }),
  aftercare: z.strictObject({ aftercare: z.array(timedInstruction).min(1) }),
  sideEffects: z.strictObject({ sideEffects: z.array(sideEffectSchema).min(1) }),
};

export type TimedInstructionData = z.output<typeof timedInstruction>;
export type SideEffect = z.output<typeof sideEffectSchema>;
