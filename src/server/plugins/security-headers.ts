import fastifyHelmet from '@fastify/helmet';
import fp from 'fastify-plugin';
import type { App } from '../app-types.js';

/** Helmet's headers. HSTS and upgrading requests to https only make sense when served over https. */
export const securityHeadersPlugin = fp(
  async (app: App) => {
    const https = app.appConfig.secureCookies;
    await app.register(fastifyHelmet, {
      contentSecurityPolicy: {
        directives: {
          // The docs page loads its images (and the validator badge) from data: URLs.
          'img-src': ["'self'", 'data:'],
          'upgrade-insecure-requests': https ? [] : null,
        },
      },
      strictTransportSecurity: https ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    });
  },
  { name: 'security-headers' },
);
