import type { IncomingMessage, ServerResponse } from 'node:http';
import fp from 'fastify-plugin';
import helmet, { type HelmetOptions } from 'helmet';
import type { App } from '../app-types.js';

/**
 * Helmet's options: its defaults, with images from data: URLs (the docs page loads its images, and the
 * validator badge, from them). HSTS and upgrading requests to https only make sense when served over
 * https.
 */
export function securityHeaderOptions(https: boolean): HelmetOptions {
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

/**
 * The headers Helmet sets with these options, worked out once. None of ours depends on the request,
 * so running Helmet's middleware for each one (rebuilding it from the options each time, as the
 * Fastify plugin for it does) would only repeat the same work: it was about a tenth of a plain read.
 */
export function securityHeaders(options: HelmetOptions): Record<string, string> {
  const headers: Record<string, string> = {};
  const response = {
    setHeader(name: string, value: unknown) {
      headers[name.toLowerCase()] = String(value);
    },
    removeHeader(name: string) {
      delete headers[name.toLowerCase()];
    },
  };
  helmet(options)({} as IncomingMessage, response as unknown as ServerResponse, (error?: unknown) => {
    if (error) throw error;
  });
  return headers;
}

/** Every answer, errors and pages of the web app included, carries the security headers. */
export const securityHeadersPlugin = fp(
  async (app: App, options: { https: boolean }) => {
    const headers = securityHeaders(securityHeaderOptions(options.https));
    // Kept on the reply (not written to the socket's response yet): Fastify sends them with its own
    // in one go, and an error answer keeps them.
    app.addHook('onRequest', (_request, reply, done) => {
      reply.headers(headers);
      done();
    });
  },
  { name: 'security-headers' },
);
