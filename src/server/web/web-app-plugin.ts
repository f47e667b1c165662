import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyCompress from '@fastify/compress';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { publicAccess } from '../plugins/access-control.js';
import { missingBuildPage } from './missing-build-page.js';

export interface WebAppOptions {
  /** The built app (vite's output). Default: web/dist of this checkout, the same from src/ and dist/. */
  root?: string;
}

export const defaultWebRoot = fileURLToPath(new URL('../../../web/dist/', import.meta.url));

/** Vite names built assets by their content hash, so they never change under their name. */
const hashedAsset = { maxAge: 365 * 24 * 60 * 60 * 1000, immutable: true } as const;
/** Everything else (index.html, favicon.svg) is checked every time, so a new build shows at once. */
const checkedEveryTime = { cacheControl: false } as const;

/** A last path segment with a dot asks for a file (`/assets/x.js`); anything else is a screen of the app. */
function looksLikeFile(path: string): boolean {
  return /\.[a-z0-9]+$/i.test(path.slice(path.lastIndexOf('/') + 1));
}

function isApiPath(path: string): boolean {
  return path === '/api' || path.startsWith('/api/');
}

/**
 * Serves the web app (web/dist) at every path outside /api, with the SPA fallback: paths that are
 * not files get index.html, and the app's router shows the screen. /api paths and missing asset
 * files keep the API's JSON 404. Without a build, a short page says how to make one: the API keeps
 * working, and the server never fails to start for want of the web app. Files are read from disk on
 * each request (@fastify/static), so a build made while the server runs shows at once. Text goes out
 * gzipped: the build's own .gz files where they exist, else compressed per request (@fastify/compress),
 * in this plugin only: API answers are not compressed.
 */
export default async function webAppPlugin(app: FastifyInstance, options: WebAppOptions): Promise<void> {
  const root = options.root ?? defaultWebRoot;
  // Gzip only, as browsers all take it; registered here, so it applies to this plugin's route alone.
  await app.register(fastifyCompress, { encodings: ['gzip'] });
  await app.register(fastifyStatic, {
    root,
    serve: false, // the route below serves, with the SPA fallback
    dotfiles: 'ignore', // editor and OS leftovers are never part of the app
    suppressWarning: true, // a missing build gets its own page
    preCompressed: true, // the web build writes a .gz beside each text file: sent as is, not gzipped again
  });
  // JavaScript's registered type (RFC 9239); @fastify/send's MIME table still has application/javascript,
  // and sets it after `setHeaders` on a pre-compressed file, so the type is mended on the way out.
  app.addHook('onSend', async (_request, reply, payload) => {
    const type = reply.getHeader('content-type');
    if (typeof type === 'string' && type.startsWith('application/javascript'))
      reply.header('content-type', 'text/javascript; charset=utf-8');
    return payload;
  });

  app.get('/*', { config: publicAccess, schema: { hide: true } }, async (request, reply) => {
    const path = (request.url.split('?')[0] ?? '/').replace(/\/{2,}/g, '/');
    if (isApiPath(path)) return reply.callNotFound();
    // `.` and `..` segments (sent as such by raw HTTP clients) lead to no file of the build; @fastify/static
    // would answer them 403, and a file that is not there is a 404 here.
    if (path.split('/').some((segment) => segment === '.' || segment === '..')) return reply.callNotFound();

    if (looksLikeFile(path) && path !== '/index.html') {
      if (path.startsWith('/assets/')) return reply.sendFile(path, hashedAsset);
      return reply.header('cache-control', 'no-cache').sendFile(path, checkedEveryTime);
    }

    if (!existsSync(join(root, 'index.html')))
      return reply
        .code(503)
        .type('text/html; charset=utf-8')
        .header('cache-control', 'no-store')
        .send(missingBuildPage);
    return reply.header('cache-control', 'no-cache').sendFile('index.html', checkedEveryTime);
  });
}
