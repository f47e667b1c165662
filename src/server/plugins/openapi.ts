import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import fp from 'fastify-plugin';
import type { App } from '../app-types.js';
import { zodOpenApiTransform } from '../validation/zod-openapi-transform.js';
import { publicAccess } from './access-control.js';

export const docsPrefix = '/api/docs';

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
      transform: zodOpenApiTransform,
    });
    await app.register(fastifySwaggerUi, { routePrefix: docsPrefix });
    app.get('/api/openapi.json', { config: publicAccess, schema: { hide: true } }, async () => app.swagger());
  },
  { name: 'openapi' },
);
