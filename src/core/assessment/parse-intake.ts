import type { z } from 'zod';
import { intakeSchema, type Intake } from './intake-schema.js';

/** One problem with an input, naming the field: `patient.birthDate: required`. */
export interface FieldProblem {
  field: string;
  message: string;
}

export type ParseResult<T> = { ok: true; value: T } | { ok: false; problems: FieldProblem[] };

export function fieldPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${String(key)}` : String(key)), '');
}

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
