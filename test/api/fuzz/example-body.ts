import type { JsonSchema } from './api-routes.js';

/**
 * A value for a property the schema alone cannot make valid (an id that must exist, a date in a
 * given format), by property name; undefined when the schema's own example will do.
 */
export type ExampleHint = (name: string, schema: JsonSchema) => unknown;

export class NoExampleError extends Error {
  override name = 'NoExampleError';
}

function numberIn(schema: JsonSchema, integer: boolean): number {
  const min = schema.minimum ?? (typeof schema.exclusiveMinimum === 'number' ? schema.exclusiveMinimum : undefined);
  const max = schema.maximum;
  if (min !== undefined && max !== undefined) return integer ? Math.ceil((min + max) / 2) : (min + max) / 2;
  if (min !== undefined) return integer ? Math.floor(min) + 1 : min + 1;
  if (max !== undefined) return Math.min(max, 1);
  return 1;
}

function stringFor(name: string, schema: JsonSchema): string {
  if (schema.pattern) throw new NoExampleError(`${name}: no example for the pattern ${schema.pattern}; give a hint`);
  const text = `Fuzz ${name}`;
  const min = schema.minLength ?? 0;
  const max = schema.maxLength ?? Infinity;
  return text.padEnd(min, 'x').slice(0, max);
}

/**
 * A valid-looking value for `schema`: every property (optional ones too, so that each can be
 * mutated), one item per array, the first enum value and the first alternative of a union.
 * Throws NoExampleError where the schema is not enough (ids by pattern): `hint` must say.
 */
export function exampleFromSchema(schema: JsonSchema, hint: ExampleHint, name = '(body)'): unknown {
  const hinted = hint(name, schema);
  if (hinted !== undefined) return hinted;
  if (schema.enum?.length) return schema.enum[0];
  const alternatives = schema.oneOf ?? schema.anyOf;
  if (alternatives?.length) return exampleFromSchema(alternatives[0] ?? {}, hint, name);
  switch (schema.type) {
    case 'object':
      return Object.fromEntries(
        Object.entries(schema.properties ?? {}).map(([key, value]) => [key, exampleFromSchema(value, hint, key)]),
      );
    case 'array':
      return Array.from({ length: Math.max(1, schema.minItems ?? 1) }, () =>
        exampleFromSchema(schema.items ?? {}, hint, name),
      );
    case 'integer':
      return numberIn(schema, true);
    case 'number':
      return numberIn(schema, false);
    case 'boolean':
      return false;
    case 'string':
      return stringFor(name, schema);
    default:
      if (schema.default !== undefined) return structuredClone(schema.default);
      return `Fuzz ${name}`;
  }
}
