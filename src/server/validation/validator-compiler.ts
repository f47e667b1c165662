import type { FastifySchemaCompiler, FastifySchemaValidationError } from 'fastify';
import { validatorCompiler as zodValidatorCompiler } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { fieldPath } from '../../core/field-path.js';
import { InvalidInputError, PayloadTooLargeError, type FieldProblem } from '../http-errors.js';

/**
 * The `params` of a zod issue about a value beyond its size limit (an image inside JSON): the
 * request is then answered 413 rather than 400, as if the body itself were too large.
 */
export const tooLargeIssue = { tooLarge: true } as const;

/**
 * The field an issue names, in the contract's words (`points[0].x`, `weeklyHours.1[0].end`). The
 * provider keeps the issue's path only as `instancePath` (`/points/0/x`), so the input tells which
 * segments were array indexes and which were keys.
 */
function fieldOf(error: FastifySchemaValidationError, input: unknown): string {
  const path: PropertyKey[] = [];
  let node = input;
  // A segment is never empty: the provider writes the whole input's path, [], as `/`.
  for (const segment of error.instancePath.split('/').filter((s) => s !== '')) {
    const key = Array.isArray(node) ? Number(segment) : segment;
    path.push(key);
    node = typeof node === 'object' && node !== null ? (node as Record<PropertyKey, unknown>)[key] : undefined;
  }
  return fieldPath(path) || '(body)';
}

/** The provider keeps the rest of the zod issue in `params`, a custom issue's own `params` included. */
const isTooLarge = (error: FastifySchemaValidationError) =>
  error.keyword === 'custom' && (error.params as { params?: { tooLarge?: unknown } }).params?.tooLarge === true;

/**
 * fastify-type-provider-zod's validatorCompiler (route schemas are zod schemas), with the contract's
 * errors: invalid input is a 400 naming each field (`invalid_input`, `problems: [{ field, message }]`),
 * or a 413 when a value is over its size limit.
 */
export const validatorCompiler: FastifySchemaCompiler<z.ZodType> = (route) => {
  const validate = zodValidatorCompiler(route);
  return (input) => {
    const result = validate(input) as { value?: unknown; error?: FastifySchemaValidationError[] };
    if (!result.error) return result;
    const problems: FieldProblem[] = result.error.map((error) => ({
      field: fieldOf(error, input),
      message: error.message ?? 'is not valid',
    }));
    return {
      error: result.error.some(isTooLarge) ? new PayloadTooLargeError(problems) : new InvalidInputError(problems),
    };
  };
};
