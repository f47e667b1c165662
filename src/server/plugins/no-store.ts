import fp from 'fastify-plugin';
import type { App } from '../app-types.js';
import { docsPrefix } from './openapi.js';

/** The API's paths, but not the docs page, whose scripts and styles are the same public files for everyone. */
function isPrivateApiPath(url: string): boolean {
  const path = url.split('?')[0] ?? '';
  if (path === docsPrefix || path.startsWith(`${docsPrefix}/`)) return false;
  return path === '/api' || path.startsWith('/api/');
}

/**
 * `Cache-Control: no-store` on every API answer that does not set its own: patient records, errors
 * and sign-in state alike must not be kept by a browser's cache, on a shared computer at the front
 * desk say, or by a proxy. Answers that set one (images, PDFs, calendars: `private, no-store` or
 * `no-store`) keep theirs; the web app's pages and assets, outside /api, are cached as they say.
 */
export const noStorePlugin = fp(
  async (app: App) => {
    app.addHook('onSend', (request, reply, payload, done) => {
      if (!reply.hasHeader('cache-control') && isPrivateApiPath(request.url)) reply.header('cache-control', 'no-store');
      done(null, payload);
    });
  },
  { name: 'no-store' },
);
