import type { z } from 'zod';
import { fieldPath } from '../field-path.js';
import { intakeSchema, type Intake } from './intake-schema.js';

export { fieldPath };

/** One problem with an input, naming the field: `patient.birthDate: required`. */
export interface FieldProblem {
  field: string;
  message: string;
}

export type ParseResult<T> = { ok: true; value: T } | { ok: false; problems: FieldProblem[] };

export function problemsFromZod(error: z.ZodError): FieldProblem[] {
  return error.issues.map((issue) => ({ field: fieldPath(issue.path) || '(body)', message: issue.message }));
}

export function formatProblem(p: FieldProblem): string {
  return `${p.field}: ${p.message}`;
}

/**
 * The assessment request with its cross-field rules, as one schema: what `parseIntake` checks, and
 * what the API validates request bodies with. The cross-field rules run only on an intake the
 * schema accepted.
 */
export const intakeRequestSchema = intakeSchema.refine((intake) => intake.patient.birthDate <= intake.request.date, {
  path: ['patient', 'birthDate'],
  message: 'must not be after request.date',
  when: (payload) => payload.issues.length === 0,
});

/** Validates an assessment request (the contract's shape). Cross-field checks follow the schema. */
export function parseIntake(input: unknown): ParseResult<Intake> {
  const parsed = intakeRequestSchema.safeParse(input);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, problems: problemsFromZod(parsed.error) };
}
