import { z } from 'zod';
import { conflictRefs, id, sourced, sourcedRange, text } from './common.js';

const sourcedNote = z.strictObject({ note: text, ...sourced });

export const protocolSchema = z.strictObject({
  id,
  name: text,
  /** True when the sources give no schedule for the indications using it. */
  generic: z.boolean(),
  note: text,
  sessions: sourcedRange,
  intervalDays: sourcedRange,
  laterIntervalDays: z.strictObject({ min: z.number(), max: z.number(), note: text, ...sourced }).optional(),
  maintenance: z.strictObject({
    intervalMonths: z.strictObject({ min: z.number().positive(), max: z.number().positive() }).optional(),
    note: text,
    ...sourced,
  }),
  depthMm: sourcedRange,
  resultsAfterSession: z.strictObject({ min: z.number().int().positive(), max: z.number().int().positive(), note: text, ...sourced }),
  conflicts: conflictRefs,
  ...sourced,
});

export const procedureSchema = z.strictObject({
  anaesthesia: z.strictObject({
    agent: text,
    leadMinutes: sourcedRange,
    note: text,
    /** The plan's note instead of `note` for a patient who cannot have the cream (an allergy to it). */
    withoutCreamNote: text,
    conflicts: conflictRefs,
    ...sourced,
  }),
  /** Session length by area size. */
  durationMinutes: z.strictObject({
    small: sourcedRange,
    large: sourcedRange,
    conflicts: conflictRefs,
  }),
  /** A waiting window that the sources give for one preparation item only, applied to all of them. */
  preparationWindowDays: z.strictObject({ days: z.number().int().positive(), note: text, conflicts: conflictRefs, ...sourced }),
  layer: sourcedNote,
});

export const protocolsSchemas = {
  protocols: z.strictObject({ protocols: z.array(protocolSchema).min(1) }),
  procedure: procedureSchema,
};

export type Protocol = z.output<typeof protocolSchema>;
export type Procedure = z.output<typeof procedureSchema>;
