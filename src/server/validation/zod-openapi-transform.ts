import type { FastifySchema } from 'fastify';
import { z } from 'zod';
import { isZodSchema } from './zod-validation.js';

function toJsonSchema(schema: z.ZodType, io: 'input' | 'output'): Record<string, unknown> {
  const { $schema: _ignored, ...json } = z.toJSONSchema(schema, {
    target: 'openapi-3.0',
    io,
    unrepresentable: 'any',
    // Responses may carry more fields than documented (the contract welcomes extras).
    override: (ctx) => {
      if (io === 'output' && ctx.jsonSchema.additionalProperties === false) delete ctx.jsonSchema.additionalProperties;
    },
  });
  return json;
}

const inputParts = ['body', 'querystring', 'params', 'headers'] as const;

/** @fastify/swagger `transform`: turns a route's zod schemas into the JSON Schema OpenAPI expects. */
export function zodOpenApiTransform({ schema, url }: { schema: FastifySchema; url: string }): { schema: FastifySchema; url: string } {
  if (!schema) return { schema, url };
  const out: Record<string, unknown> = { ...schema };
  for (const part of inputParts) {
    const value = schema[part];
    if (isZodSchema(value)) out[part] = toJsonSchema(value, 'input');
  }
  if (schema.response && typeof schema.response === 'object') {
    out.response = Object.fromEntries(
      Object.entries(schema.response as Record<string, unknown>).map(([status, value]) => [status, isZodSchema(value) ? toJsonSchema(value, 'output') : value]),
    );
  }
  return { schema: out as FastifySchema, url };
}
