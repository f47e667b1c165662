import type { FastifySchemaCompiler, FastifySerializerCompiler, FastifyTypeProvider } from 'fastify';
import { z } from 'zod';
import { problemsFromZod, type ParseResult } from '../../core/assessment/parse-intake.js';
import { InvalidInputError } from '../http-errors.js';

/**
 * Route schemas are zod schemas: one definition validates the input (with field problems in the
 * contract's words), types the handler, and documents the route in OpenAPI.
 */
export interface ZodTypeProvider extends FastifyTypeProvider {
  validator: this['schema'] extends z.ZodType ? z.output<this['schema']> : unknown;
  serializer: this['schema'] extends z.ZodType ? z.input<this['schema']> : unknown;
}

type Parser = (input: unknown) => ParseResult<unknown>;
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
    return result.success ? { ok: true, value: result.data } : { ok: false, problems: problemsFromZod(result.error) };
  });
  return (input: unknown) => {
    const result = parse(input);
    return result.ok ? { value: result.value } : { error: new InvalidInputError(result.problems) };
  };
};

/** Response schemas document; handlers build their responses explicitly, so plain JSON suffices. */
export const jsonSerializerCompiler: FastifySerializerCompiler<unknown> = () => (data) => JSON.stringify(data);
