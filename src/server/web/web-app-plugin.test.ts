import { request as httpRequest } from 'node:http';
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import Fastify from 'fastify';
import { afterAll, describe, expect, it } from 'vitest';
import { createDatabase } from '../../storage/create-database.js';
import { migrateToLatest } from '../../storage/migrate.js';
import { testAppConfig, testKnowledgeBase } from '../../test-support/test-app.js';
import { buildApp } from '../build-app.js';
import webAppPlugin from './web-app-plugin.js';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

const indexHtml =
  '<!doctype html><html><head><script type="module" src="/assets/app-abc123.js"></script></head><body><div id="root"></div></body></html>';
const script = `console.log(${JSON.stringify('x'.repeat(4000))});`;

function builtApp(
  files: Record<string, string> = { 'index.html': indexHtml, 'assets/app-abc123.js': script, 'favicon.svg': '<svg/>' },
): string {
  const dir = mkdtempSync(join(tmpdir(), 'mesodesk-web-'));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

async function serve(root: string) {
  const app = Fastify();
  await app.register(webAppPlugin, { root });
  return app;
}

describe('web app plugin', () => {
  it('serves index.html at / and, as the SPA fallback, at any screen path', async () => {
    const app = await serve(builtApp());
    for (const url of ['/', '/patients/p1', '/portal?tab=faq', '/index.html']) {
      const response = await app.inject({ url });
      expect(response.statusCode, url).toBe(200);
      expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(response.headers['cache-control']).toBe('no-cache');
      expect(response.body).toBe(indexHtml);
    }
  });

  it('serves built assets with long caching, gzip when accepted, and 304 for a known ETag', async () => {
    const app = await serve(builtApp());
    const plain = await app.inject({ url: '/assets/app-abc123.js' });
    expect(plain.statusCode).toBe(200);
    expect(plain.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(plain.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(plain.body).toBe(script);

    const gzipped = await app.inject({ url: '/assets/app-abc123.js', headers: { 'accept-encoding': 'gzip, br' } });
    expect(gzipped.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzipped.rawPayload).toString()).toBe(script);
    expect(gzipped.rawPayload.length).toBeLessThan(script.length / 10);

    const again = await app.inject({
      url: '/assets/app-abc123.js',
      headers: { 'if-none-match': String(plain.headers.etag) },
    });
    expect(again.statusCode).toBe(304);
    expect((await app.inject({ url: '/favicon.svg' })).headers['content-type']).toBe('image/svg+xml');
  });

  it("sends the build's own .gz of a file as it is, not compressed again per request", async () => {
    // A marker in the gzip header's file name: a per-request gzip would not carry it.
    const stored = gzipSync(script);
    stored[3] = stored[3]! | 0x08;
    const marked = Buffer.concat([stored.subarray(0, 10), Buffer.from('built\0'), stored.subarray(10)]);
    const root = builtApp({ 'index.html': indexHtml, 'assets/app-abc123.js': script });
    writeFileSync(join(root, 'assets/app-abc123.js.gz'), marked);
    const app = await serve(root);
    const response = await app.inject({ url: '/assets/app-abc123.js', headers: { 'accept-encoding': 'gzip' } });
    expect(response.headers['content-encoding']).toBe('gzip');
    expect(response.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(response.headers['cache-control']).toContain('immutable');
    expect(response.rawPayload.equals(marked)).toBe(true);
    expect(gunzipSync(response.rawPayload).toString()).toBe(script);
    // A client that takes no gzip gets the file itself.
    expect((await app.inject({ url: '/assets/app-abc123.js', headers: { 'accept-encoding': 'identity' } })).body).toBe(
      script,
    );
  });

  it('answers 404 (not the app) for missing files and for /api paths', async () => {
    const app = await serve(builtApp());
    for (const url of [
      '/assets/gone-123.js',
      '/api/nothing',
      '/api',
      '/../package.json',
      '/assets/../../package.json',
    ]) {
      const response = await app.inject({ url });
      expect(response.statusCode, url).toBe(404);
      expect(response.body, url).not.toContain('<div id="root">');
    }
  });

  it('answers 404 to dot segments sent as they are over HTTP (inject would resolve them first)', async () => {
    const app = await serve(builtApp({ 'index.html': indexHtml, 'assets/app-abc123.js': script, 'secret.txt': 'no' }));
    await app.listen({ host: '127.0.0.1', port: 0 });
    try {
      const { port } = app.server.address() as { port: number };
      const statusOf = (path: string) =>
        new Promise<number | undefined>((resolve, reject) => {
          const req = httpRequest({ host: '127.0.0.1', port, path }, (response) => {
            response.resume();
            resolve(response.statusCode);
          });
          req.on('error', reject).end();
        });
      expect(await statusOf('/assets/app-abc123.js')).toBe(200);
      for (const path of [
        '/assets/../secret.txt',
        '/assets/./app-abc123.js',
        '/../package.json',
        '/assets/%2e%2e/secret.txt',
      ])
        expect(await statusOf(path), path).toBe(404);
    } finally {
      await app.close();
    }
  });

  it('shows how to build the app when there is no build, and picks up a build made later', async () => {
    const root = builtApp({});
    const app = await serve(root);
    const missing = await app.inject({ url: '/patients' });
    expect(missing.statusCode).toBe(503);
    expect(missing.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(missing.body).toContain('npm run build:web');
    expect((await app.inject({ url: '/api/x' })).statusCode).toBe(404);

    writeFileSync(join(root, 'index.html'), indexHtml);
    expect((await app.inject({ url: '/' })).body).toBe(indexHtml);
    writeFileSync(join(root, 'index.html'), '<p>rebuilt</p>');
    // A rebuild can land within the file system's timestamp resolution; make its time plainly later.
    const later = new Date(Date.now() + 5000);
    utimesSync(join(root, 'index.html'), later, later);
    expect((await app.inject({ url: '/' })).body).toBe('<p>rebuilt</p>');
  });

  it('is part of the real app: public, under the security headers, and the API keeps its JSON 404', async () => {
    const db = createDatabase({ engine: 'sqlite', file: ':memory:' });
    await migrateToLatest(db);
    const app = await buildApp({ db, knowledgeBase: testKnowledgeBase(), config: testAppConfig() });
    try {
      const page = await app.inject({ url: '/patients/new' });
      // 200 with a web build, 503 with the how-to-build page without one: HTML either way, never a 401.
      expect([200, 503]).toContain(page.statusCode);
      expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(String(page.headers['content-security-policy'])).toContain("script-src 'self'");
      const api = await app.inject({ url: '/api/no-such-route' });
      expect(api.statusCode).toBe(404);
      expect(api.json()).toMatchObject({ error: 'not_found' });
      const spec = (await app.inject({ url: '/api/openapi.json' })).json() as { paths: Record<string, unknown> };
      expect(Object.keys(spec.paths).some((p) => !p.startsWith('/api/'))).toBe(false);
    } finally {
      await app.close();
      await db.destroy();
    }
  });
});
