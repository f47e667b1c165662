import type { FastifySchemaCompiler, FastifySerializerCompiler, FastifyTypeProvider } from 'fastify';
import { z } from 'zod';
import { problemsFromZod, type ParseResult } from '../../core/assessment/parse-intake.js';
import { InvalidInputError, PayloadTooLargeError } from '../http-errors.js';

/**
 * Route schemas are zod schemas: one definition validates the input (with field problems in the
 * contract's words), types the handler, and documents the route in OpenAPI.
 */
export interface ZodTypeProvider extends FastifyTypeProvider {
  validator: this['schema'] extends z.ZodType ? z.output<this['schema']> : unknown;
  serializer: this['schema'] extends z.ZodType ? z.input<this['schema']> : unknown;
}

type Parser = (input: unknown) => ParseResult<unknown> & { tooLarge?: boolean };

/**
 * The `params` of a zod issue about a value beyond its size limit (an image inside JSON): the
 * request is then answered 413 rather than 400, as if the body itself were too large.
 */
export const tooLargeIssue = { tooLarge: true } as const;

const isTooLarge = (issue: z.core.$ZodIssue) => issue.code === 'custom' && (issue.params as { tooLarge?: unknown } | undefined)?.tooLarge === true;

const parsers = new WeakMap<z.ZodType, Parser>();

/**
 * A copy of `schema` (which still documents the route) that validates with `parse` instead, for
 * inputs whose checks go beyond the schema, such as `parseIntake`'s cross-field rules.
 */
export function validatedBy<S extends z.ZodType>(schema: S, parse: (input: unknown) => ParseResult<z.output<S>>): S {
  const copy = schema.clone() as S;
  parsers.set(copy, parse);
  return copy;
}

export function isZodSchema(value: unknown): value is z.ZodType {
  return value instanceof z.ZodType;
}

export const zodValidatorCompiler: FastifySchemaCompiler<unknown> = ({ schema, method, url, httpPart }) => {
  if (!isZodSchema(schema)) throw new Error(`${method} ${url}: the ${httpPart ?? 'input'} schema must be a zod schema`);
  const parse: Parser = parsers.get(schema) ?? ((input) => {
    const result = schema.safeParse(input);
    return result.success ? { ok: true, value: result.data } : { ok: false, problems: problemsFromZod(result.error), tooLarge: result.error.issues.some(isTooLarge) };
  });
  return (input: unknown) => {
    const result = parse(input);
    if (result.ok) return { value: result.value };
    return { error: result.tooLarge ? new PayloadTooLargeError(result.problems) : new InvalidInputError(result.problems) };
  };
};

/** Response schemas document; handlers build their responses explicitly, so plain JSON suffices. */
export const jsonSerializerCompiler: FastifySerializerCompiler<unknown> = () => (data) => JSON.stringify(data);
