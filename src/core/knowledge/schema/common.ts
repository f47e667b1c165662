import { z } from 'zod';

/** A citation names a seed file and a line in it: `000_28eead5230689bfd.txt:101`. */
export const CITATION = /^([A-Za-z0-9_.-]+\.txt):([1-9]\d*)$/;

export const citation = z.string().regex(CITATION, { message: 'must be "<seed file>.txt:<line>"' });

/** Every fact carries at least one citation. */
export const sourced = { sources: z.array(citation).min(1, { message: 'every fact needs at least one source' }) };

export const id = z.string().regex(/^[a-z][a-z0-9_]*$/, { message: 'must be a lower snake case code' });
export const upperCode = z.string().regex(/^[A-Z][A-Z0-9_]*$/, { message: 'must be an UPPER_SNAKE_CASE code' });
export const text = z.string().trim().min(1, { message: 'must not be empty' });

export const range = z
  .strictObject({ min: z.number().nonnegative(), max: z.number().nonnegative() })
  .refine((r) => r.min <= r.max, { message: 'min must not exceed max' });

export const sourcedRange = z
  .strictObject({ min: z.number().nonnegative(), max: z.number().nonnegative(), ...sourced })
  .refine((r) => r.min <= r.max, { message: 'min must not exceed max' });

/** Conflict ids (see conflicts.yaml) that a fact relies on. */
export const conflictRefs = z.array(id).optional();

export type SourcedRangeData = z.output<typeof sourcedRange>;
