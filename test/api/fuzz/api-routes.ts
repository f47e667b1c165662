import type { App } from '../../../src/server/app-types.js';
import type { Access } from '../../../src/server/plugins/access-control.js';

/** The parts of JSON Schema (as the OpenAPI document writes the routes' zod schemas) the fuzzer reads. */
export interface JsonSchema {
  type?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  minItems?: number;
  enum?: unknown[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  default?: unknown;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: boolean | number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  nullable?: boolean;
}

interface OpenApiParameter {
  in: string;
  name: string;
  schema?: JsonSchema;
}

interface OpenApiOperation {
  parameters?: OpenApiParameter[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, OpenApiOperation>>;
}

export interface ApiRoute {
  /** `POST /api/patients/:id/consents`, as registered. */
  key: string;
  method: string;
  url: string;
  access: Access;
  /** Path parameters in order, `*` for a wildcard. */
  pathParams: string[];
  query: { name: string; schema: JsonSchema }[];
  body?: { contentType: string; schema: JsonSchema };
  /** Whether the OpenAPI document describes the route (hidden ones still get hostile input). */
  documented: boolean;
}

/** `/api/reports/:table.csv` as OpenAPI writes it: `/api/reports/{table}.csv`. */
export function openApiPath(url: string): string {
  return url.replace(/:(\w+)/g, '{$1}');
}

function pathParams(url: string): string[] {
  return [...url.matchAll(/:(\w+)|\*/g)].map((m) => m[1] ?? '*');
}

/**
 * Every API route of `app`, as its route table (filled by the access-control plugin's onRoute hook)
 * has it, with the input schemas from the OpenAPI document. Not the HEAD twins of GET routes, not
 * the web app's pages outside /api.
 */
export function apiRoutes(app: App, doc: OpenApiDocument): ApiRoute[] {
  const gets = new Set(app.routeAccess.filter((r) => r.method === 'GET').map((r) => r.url));
  return app.routeAccess
    .filter((r) => r.url.startsWith('/api/') && !(r.method === 'HEAD' && gets.has(r.url)))
    .map((r) => {
      const operation = doc.paths[openApiPath(r.url)]?.[r.method.toLowerCase()];
      const content = Object.entries(operation?.requestBody?.content ?? {})[0];
      const route: ApiRoute = {
        key: `${r.method} ${r.url}`,
        method: r.method,
        url: r.url,
        access: r.access,
        pathParams: pathParams(r.url),
        query: (operation?.parameters ?? [])
          .filter((p) => p.in === 'query')
          .map((p) => ({ name: p.name, schema: p.schema ?? {} })),
        documented: operation !== undefined,
      };
      if (content?.[1].schema) route.body = { contentType: content[0], schema: content[1].schema };
      return route;
    });
}

/** The top-level property names of a body schema, over all the alternatives of a union. */
export function topLevelProperties(schema: JsonSchema): string[] {
  const alternatives = schema.oneOf ?? schema.anyOf ?? [];
  return [...new Set([...Object.keys(schema.properties ?? {}), ...alternatives.flatMap(topLevelProperties)])];
}

/** Whether the `patient` role may call the route at all. */
export function patientMayCall(route: ApiRoute): boolean {
  return route.access !== 'public' && route.access.roles.includes('patient');
}
