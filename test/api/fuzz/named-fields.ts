import type { LightMyRequestResponse } from 'fastify';

export interface Problem {
  field: string;
  message: string;
}

/** The problems of a 400 response; throws when the body is not the error handler's `{ error, problems: [{ field, message }] }`. */
export function problemsOf(response: LightMyRequestResponse): Problem[] {
  let body: { error?: unknown; problems?: unknown };
  try {
    body = response.json();
  } catch {
    throw new Error(`a 400 without a JSON body: ${response.body.slice(0, 200)}`);
  }
  const problems = body.problems;
  const wellFormed = (p: unknown): p is Problem =>
    typeof p === 'object' &&
    p !== null &&
    typeof (p as Problem).field === 'string' &&
    (p as Problem).field !== '' &&
    typeof (p as Problem).message === 'string' &&
    (p as Problem).message !== '';
  if (
    body.error !== 'invalid_input' ||
    !Array.isArray(problems) ||
    problems.length === 0 ||
    !problems.every(wellFormed)
  )
    throw new Error(`a 400 that names no field: ${response.body.slice(0, 300)}`);
  return problems;
}

/** The first segment of a field path: `points` of `points[0].x`, `patient` of `patient.birthDate`. */
export function topField(field: string): string {
  return field.split(/[.[]/)[0] ?? field;
}

/** Keys that make the JSON parser refuse the body as a whole ('(body)'), before any field is looked at. */
export function hasPrototypeKeys(jsonText: string): boolean {
  return /"(__proto__|constructor)"\s*:/.test(jsonText);
}
