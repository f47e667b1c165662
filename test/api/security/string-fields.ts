import type { OpenApiSchema } from './openapi-operations.js';

/** A string field of a body, e.g. `patient.medications.[].name` (`[]`: every element of a list). */
export interface StringField {
  path: string;
  schema: OpenApiSchema;
}

/** Any string the schema admits, whatever its shape: the validator refuses what does not fit. */
function leaves(schema: OpenApiSchema, path: string[], out: Map<string, StringField>): void {
  for (const branch of [...(schema.anyOf ?? []), ...(schema.oneOf ?? []), ...(schema.allOf ?? [])])
    leaves(branch, path, out);
  if (schema.properties)
    for (const [name, property] of Object.entries(schema.properties)) leaves(property, [...path, name], out);
  if (schema.items) leaves(schema.items, [...path, '[]'], out);
  if (schema.type === 'string' && !schema.enum) {
    const key = path.join('.');
    // Of a union's string branches, the least constrained one describes the field.
    const known = out.get(key);
    if (!known || (known.schema.pattern && !schema.pattern)) out.set(key, { path: key, schema });
  }
}

/** The string fields of a body schema, enumerations left out (they admit a closed set of words). */
export function stringFields(schema: OpenApiSchema): StringField[] {
  const out = new Map<string, StringField>();
  leaves(schema, [], out);
  return [...out.values()].sort((a, b) => a.path.localeCompare(b.path));
}

/** Fields whose shape the validator checks by pattern or format: ids, codes, times, files. */
export const isPatterned = (schema: OpenApiSchema) => schema.pattern !== undefined || schema.format !== undefined;

/**
 * Sets the field in `body` (every element, below a `[]`), creating no lists or objects: false
 * when the body has no such field to set.
 */
export function setField(body: unknown, path: string, value: unknown): boolean {
  const walk = (node: unknown, keys: readonly string[]): boolean => {
    const [key, ...rest] = keys;
    if (key === undefined) return false;
    if (key === '[]')
      return Array.isArray(node) && node.length > 0 && node.map((element) => walk(element, rest)).every(Boolean);
    if (!node || typeof node !== 'object' || Array.isArray(node)) return false;
    const record = node as Record<string, unknown>;
    if (rest.length === 0) {
      record[key] = value;
      return true;
    }
    return key in record && walk(record[key], rest);
  };
  return walk(body, path.split('.'));
}

/** Whether `value` occurs anywhere in `data` as a whole string, also inside JSON kept as text. */
export function containsString(data: unknown, value: string): boolean {
  if (typeof data === 'string') {
    if (data === value) return true;
    const trimmed = data.trimStart();
    if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
      try {
        return containsString(JSON.parse(data), value);
      } catch {
        return false;
      }
    }
    return false;
  }
  if (Array.isArray(data)) return data.some((item) => containsString(item, value));
  if (data && typeof data === 'object') return Object.values(data).some((item) => containsString(item, value));
  return false;
}
