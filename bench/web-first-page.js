// The web app's first page (the sign-in screen a visitor lands on): how much JavaScript it loads and
// how soon something shows. Targets: first-page JavaScript <= 300 KB gzipped, first contentful paint
// <= 1 s in headless Chromium on localhost (median of several cold loads).
// The app is built fresh (vite build web), served by the real server (dist/, after `npm run build`)
// over an empty SQLite database; FCP comes from the page's own Performance API ("paint" entries).
// Run: npm run bench (or node bench/web-first-page.js after a build). Needs Debian's Chromium.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { build } from 'vite';
import { buildApp } from '../dist/server/build-app.js';
import { loadKnowledgeBase } from '../dist/knowledge-files/load-knowledge-base.js';
import { createDatabase } from '../dist/storage/create-database.js';
import { migrateToLatest } from '../dist/storage/migrate.js';
import { machine, recordSection } from './lib/results.js';

const LOADS = Number(process.env.BENCH_LOADS ?? 7);
const TARGET_JS_GZIP_KB = 300;
const TARGET_FCP_MS = 1000;
const webDir = fileURLToPath(new URL('../web/', import.meta.url));
const distDir = join(webDir, 'dist');
const kb = (bytes) => (bytes / 1024).toFixed(1);

// --- 1. what the first page loads, from the built index.html -------------------------------------
await build({ configFile: join(webDir, 'vite.config.ts'), logLevel: 'warn' });
const html = readFileSync(join(distDir, 'index.html'), 'utf8');
// The entry module and the chunks it imports statically (Vite lists them as modulepreload links);
// screens behind the sign-in are separate chunks loaded later, and are not counted.
const scripts = [
  ...html.matchAll(/<script[^>]+src="([^"]+\.js)"/g),
  ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+\.js)"/g),
].map((m) => m[1]);
const styles = [...html.matchAll(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+\.css)"/g)].map((m) => m[1]);
const sizeOf = (url) => {
  const bytes = readFileSync(join(distDir, url.replace(/^\//, '')));
  return { url, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
};
const jsFiles = [...new Set(scripts)].map(sizeOf);
const cssFiles = [...new Set(styles)].map(sizeOf);
const jsGzip = jsFiles.reduce((sum, f) => sum + f.gzip, 0);
const jsRaw = jsFiles.reduce((sum, f) => sum + f.raw, 0);
const cssGzip = cssFiles.reduce((sum, f) => sum + f.gzip, 0);
console.log(
  `first-page JavaScript: ${jsFiles.length} files, ${kb(jsRaw)} KB raw, ${kb(jsGzip)} KB gzipped; CSS ${kb(cssGzip)} KB gzipped`,
);

// --- 2. first contentful paint, served by the real server ----------------------------------------
const dataDir = mkdtempSync(join(tmpdir(), 'mesodesk-bench-web-'));
const db = createDatabase({ engine: 'sqlite', file: join(dataDir, 'mesodesk.sqlite') });
await migrateToLatest(db);
const app = await buildApp({ db, knowledgeBase: loadKnowledgeBase() });
await app.listen({ host: '127.0.0.1', port: 0 });
const baseUrl = `http://127.0.0.1:${app.server.address().port}`;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--headless',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});

const loads = [];
try {
  // One warm-up load (Chromium's own start-up), then cold loads: a new context has an empty cache.
  for (let i = 0; i <= LOADS; i++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/`, { waitUntil: 'load' });
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    const timing = await page.evaluate(() => {
      const fcp = performance.getEntriesByType('paint').find((e) => e.name === 'first-contentful-paint');
      const nav = performance.getEntriesByType('navigation')[0];
      const js = performance
        .getEntriesByType('resource')
        .filter((r) => r.initiatorType === 'script' || r.name.endsWith('.js'));
      return {
        fcp: fcp?.startTime ?? null,
        load: nav?.loadEventEnd ?? null,
        jsTransferred: js.reduce((sum, r) => sum + r.transferSize, 0),
      };
    });
    await context.close();
    if (i > 0) loads.push(timing);
  }
} finally {
  await browser.close();
  await app.close();
  await db.destroy();
  rmSync(dataDir, { recursive: true, force: true });
}

const fcps = loads
  .map((l) => l.fcp)
  .filter((v) => v !== null)
  .sort((a, b) => a - b);
if (fcps.length !== loads.length) throw new Error('Chromium reported no first-contentful-paint entry');
const median = (list) => list[Math.floor(list.length / 2)];
const fcpMedian = median(fcps);
const loadMedian = median(loads.map((l) => l.load).sort((a, b) => a - b));
const transferred = median(loads.map((l) => l.jsTransferred).sort((a, b) => a - b));
console.log(
  `first contentful paint: median ${fcpMedian.toFixed(0)} ms over ${loads.length} cold loads (min ${fcps[0].toFixed(0)}, max ${fcps.at(-1).toFixed(0)}); load event ${loadMedian.toFixed(0)} ms`,
);

const jsPass = jsGzip <= TARGET_JS_GZIP_KB * 1024;
const fcpPass = fcpMedian <= TARGET_FCP_MS;
const pass = jsPass && fcpPass;
console.log(
  `targets: JS <= ${TARGET_JS_GZIP_KB} KB gzipped ${jsPass ? 'MET' : 'MISSED'}, FCP <= ${TARGET_FCP_MS} ms ${fcpPass ? 'MET' : 'MISSED'}`,
);

recordSection(
  'web-first-page',
  `## Web first page (issue: web app)

${new Date().toISOString().slice(0, 10)} - ${machine()}

The sign-in page, as a visitor first sees it: \`vite build web\`, served by the real server (gzip) on localhost, loaded ${loads.length} times in fresh headless Chromium contexts (empty cache) after one warm-up.

| measure | value |
|---|---|
| first-page JavaScript (entry + static imports; ${jsFiles.length} files) | ${kb(jsRaw)} KB raw, **${kb(jsGzip)} KB gzipped** |
| first-page CSS | ${kb(cssGzip)} KB gzipped |
| JavaScript transferred by the browser (median) | ${kb(transferred)} KB |
| first contentful paint (Performance API \`paint\`) | **median ${fcpMedian.toFixed(0)} ms** (min ${fcps[0].toFixed(0)}, max ${fcps.at(-1).toFixed(0)}) |
| load event (median) | ${loadMedian.toFixed(0)} ms |

Targets: JavaScript <= ${TARGET_JS_GZIP_KB} KB gzipped - **${jsPass ? 'met' : 'missed'}**; first contentful paint <= ${TARGET_FCP_MS} ms - **${fcpPass ? 'met' : 'missed'}**.`,
);
if (!pass) process.exitCode = 1;
