import type { App } from '../../../src/server/app-types.js';

/** The parts of the OpenAPI document the security suites read. */
export interface OpenApiSchema {
  type?: string;
  properties?: Record<string, OpenApiSchema>;
  items?: OpenApiSchema;
  anyOf?: OpenApiSchema[];
  oneOf?: OpenApiSchema[];
  allOf?: OpenApiSchema[];
  enum?: unknown[];
  pattern?: string;
  format?: string;
  minLength?: number;
  maxLength?: number;
}

interface OpenApiParameter {
  in: string;
  name: string;
  schema?: OpenApiSchema;
}

interface OpenApiOperation {
  parameters?: OpenApiParameter[];
  requestBody?: { content?: Record<string, { schema?: OpenApiSchema }> };
}

export interface Operation {
  method: string;
  /** In Fastify's form, `/api/patients/:id`, to match the route table. */
  url: string;
  /** Body schemas by content type. */
  bodies: Record<string, OpenApiSchema>;
  query: { name: string; schema: OpenApiSchema }[];
}

/** Every documented operation, from the app's own /api/openapi.json (built from the routes' schemas). */
export async function openApiOperations(app: App): Promise<Operation[]> {
  const response = await app.inject({ method: 'GET', url: '/api/openapi.json' });
  if (response.statusCode !== 200) throw new Error(`no OpenAPI document: ${response.statusCode}`);
  const doc = response.json() as { paths: Record<string, Record<string, OpenApiOperation>> };
  const operations: Operation[] = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, operation] of Object.entries(methods)) {
      const bodies: Record<string, OpenApiSchema> = {};
      for (const [type, content] of Object.entries(operation.requestBody?.content ?? {}))
        if (content.schema) bodies[type] = content.schema;
      operations.push({
        method: method.toUpperCase(),
        url: path.replace(/\{([^}]+)\}/g, ':$1'),
        bodies,
        query: (operation.parameters ?? [])
          .filter((p) => p.in === 'query' && p.schema)
          .map((p) => ({ name: p.name, schema: p.schema ?? {} })),
      });
    }
  }
  return operations;
}
