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

/** Validates an assessment request (the contract's shape). Cross-field checks follow the schema. */
export function parseIntake(input: unknown): ParseResult<Intake> {
  const parsed = intakeSchema.safeParse(input);
  if (!parsed.success) return { ok: false, problems: problemsFromZod(parsed.error) };
  const intake = parsed.data;
  if (intake.patient.birthDate > intake.request.date)
    return { ok: false, problems: [{ field: 'patient.birthDate', message: 'must not be after request.date' }] };
  return { ok: true, value: intake };
}
