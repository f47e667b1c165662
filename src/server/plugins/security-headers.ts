import fastifyHelmet, { type FastifyHelmetOptions } from '@fastify/helmet';
import Fastify from 'fastify';
import fp from 'fastify-plugin';
import type { App } from '../app-types.js';

/**
 * The headers Helmet sends for these options, worked out once. @fastify/helmet rebuilds Helmet's
 * middleware (and re-parses the CSP) on every request, which cost more than a simple API read
 * itself; the headers never vary here (no per-request CSP nonces), so two throwaway instances,
 * with and without Helmet, tell which headers it adds.
 */
async function helmetHeaders(options: FastifyHelmetOptions): Promise<Record<string, string>> {
  const probe = async (withHelmet: boolean) => {
    const app = Fastify();
    if (withHelmet) await app.register(fastifyHelmet, options);
    app.get('/', async () => 'ok');
    const response = await app.inject({ method: 'GET', url: '/' });
    await app.close();
    return response.headers;
  };
  const [plain, helmeted] = [await probe(false), await probe(true)];
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(helmeted)) if (!(name in plain) && value !== undefined) headers[name] = String(value);
  return headers;
}

/** Helmet's headers. HSTS and upgrading requests to https only make sense when served over https. */
export const securityHeadersPlugin = fp(
  async (app: App) => {
    const https = app.appConfig.secureCookies;
    const headers = await helmetHeaders({
      contentSecurityPolicy: {
        directives: {
          // The docs page loads its images (and the validator badge) from data: URLs.
          'img-src': ["'self'", 'data:'],
          'upgrade-insecure-requests': https ? [] : null,
        },
      },
      strictTransportSecurity: https ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    });
    app.addHook('onRequest', (_request, reply, done) => {
      reply.headers(headers);
      done();
    });
  },
  { name: 'security-headers' },
);
