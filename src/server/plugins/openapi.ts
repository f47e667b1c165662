import fastifySwagger, { type SwaggerTransform } from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import fp from 'fastify-plugin';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import type { App } from '../app-types.js';
import { publicAccess } from './access-control.js';

export const docsPrefix = '/api/docs';

/** `value` without `additionalProperties: false` anywhere in it. */
function allowingExtraFields(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(allowingExtraFields);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key, v]) => !(key === 'additionalProperties' && v === false))
      .map(([key, v]) => [key, allowingExtraFields(v)]),
  );
}

/**
 * fastify-type-provider-zod's transform (zod schemas to the JSON Schema OpenAPI expects), but with
 * responses that may carry more fields than documented, as the contract says: the serializer leaves
 * out what a plain view does not declare today, yet a client must welcome fields added later. (Loose
 * views, the contract's documents, say `additionalProperties: {}`: their extra fields are sent.)
 */
const transform: SwaggerTransform = (route) => {
  const { schema, url } = jsonSchemaTransform(route);
  return { schema: schema.response ? { ...schema, response: allowingExtraFields(schema.response) } : schema, url };
};

/** OpenAPI 3 built from the routes' zod schemas, at /api/openapi.json, and the Swagger UI at /api/docs. */
export const openApiPlugin = fp(
  async (app: App, options: { version: string }) => {
    await app.register(fastifySwagger, {
      openapi: {
        openapi: '3.0.3',
        info: {
          title: 'mesodesk API',
          description:
            'Clinic API of mesodesk. Sign in with POST /api/auth/login (session cookie), then send the token from ' +
            'GET /api/auth/csrf in the x-csrf-token header with every write.',
          version: options.version,
        },
        components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'mesodesk_session' } } },
        security: [{ session: [] }],
      },
      transform,
    });
    await app.register(fastifySwaggerUi, { routePrefix: docsPrefix });
    app.get('/api/openapi.json', { config: publicAccess, schema: { hide: true } }, async () => app.swagger());
  },
  { name: 'openapi' },
);
