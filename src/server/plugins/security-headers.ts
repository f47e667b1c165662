import type { FastifyHelmetOptions } from '@fastify/helmet';

/**
 * @fastify/helmet's options: Helmet's defaults, with images from data: URLs (the docs page loads its
 * images, and the validator badge, from them). HSTS and upgrading requests to https only make sense
 * when served over https.
 */
export function securityHeaderOptions(https: boolean): FastifyHelmetOptions {
  return {
    contentSecurityPolicy: {
      directives: {
        'img-src': ["'self'", 'data:'],
        'upgrade-insecure-requests': https ? [] : null,
      },
    },
    strictTransportSecurity: https ? { maxAge: 31_536_000, includeSubDomains: true } : false,
  };
}
