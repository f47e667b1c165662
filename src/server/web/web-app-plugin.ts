import { fileURLToPath } from 'node:url';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { publicAccess } from '../plugins/access-control.js';
import { missingBuildPage } from './missing-build-page.js';
import { indexHtmlTime, loadStaticSite, type StaticFile, type StaticSite } from './static-files.js';

export interface WebAppOptions {
  /** The built app (vite's output). Default: web/dist of this checkout, the same from src/ and dist/. */
  root?: string;
}

export const defaultWebRoot = fileURLToPath(new URL('../../../web/dist/', import.meta.url));

/** A last path segment with a dot asks for a file (`/assets/x.js`); anything else is a screen of the app. */
function looksLikeFile(path: string): boolean {
  return /\.[a-z0-9]+$/i.test(path.slice(path.lastIndexOf('/') + 1));
}

function isApiPath(path: string): boolean {
  return path === '/api' || path.startsWith('/api/');
}

function send(request: FastifyRequest, reply: FastifyReply, file: StaticFile): FastifyReply {
  reply
    .header('content-type', file.contentType)
    .header('etag', file.etag)
    .header('vary', 'accept-encoding')
    // Hashed assets are cached for good; index.html is checked every time, so a new build shows at once.
    .header('cache-control', file.immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
  if (request.headers['if-none-match'] === file.etag) return reply.code(304).send();
  const acceptsGzip = /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''));
  if (file.gzip && acceptsGzip) return reply.header('content-encoding', 'gzip').send(file.gzip);
  return reply.send(file.body);
}

/**
 * Serves the web app (web/dist) at every path outside /api, with the SPA fallback: paths that are
 * not files get index.html, and the app's router shows the screen. /api paths and missing asset
 * files keep the API's JSON 404. Without a build, a short page says how to make one: the API keeps
 * working, and the server never fails to start for want of the web app.
 */
export default async function webAppPlugin(app: FastifyInstance, options: WebAppOptions): Promise<void> {
  const root = options.root ?? defaultWebRoot;
  let site: StaticSite | null = loadStaticSite(root);

  /** Picks up a build made while the server runs (one stat per page load, none per asset). */
  const current = (): StaticSite | null => {
    const builtAt = indexHtmlTime(root);
    if (builtAt !== (site?.builtAt ?? null)) site = builtAt === null ? null : loadStaticSite(root);
    return site;
  };

  app.get('/*', { config: publicAccess, schema: { hide: true } }, async (request, reply) => {
    const path = (request.url.split('?')[0] ?? '/').replace(/\/{2,}/g, '/');
    if (isApiPath(path)) return reply.callNotFound();

    const asset = looksLikeFile(path) ? site?.files.get(path) : undefined;
    if (asset) return send(request, reply, asset);
    if (looksLikeFile(path) && path !== '/index.html') return reply.callNotFound();

    const latest = current();
    const index = latest?.files.get('/index.html');
    if (!index) return reply.code(503).type('text/html; charset=utf-8').header('cache-control', 'no-store').send(missingBuildPage);
    return send(request, reply, index);
  });
}
