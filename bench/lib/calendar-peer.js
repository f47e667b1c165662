// The calendar benchmark's render peer, built for the run: bench/lib/calendar-peer/ (react-big-calendar
// alone on a static page) through Vite into a scratch folder, served with the week's captured answer
// by a bare node:http server in this process.
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('./calendar-peer/', import.meta.url));
const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json' };

/** Builds the peer page into `outDir` (production mode, as the app's build), with `weekJson` beside it. */
export async function buildCalendarPeer(outDir, weekJson) {
  const { build } = await import('vite');
  await build({
    configFile: false,
    root: ROOT,
    logLevel: 'warn',
    mode: 'production',
    build: { outDir, emptyOutDir: true, chunkSizeWarningLimit: 2000 },
  });
  writeFileSync(join(outDir, 'week.json'), weekJson);
}

/** Serves `dir` on 127.0.0.1 until `close()`. */
export async function serveStatic(dir) {
  const server = createServer((request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url, 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    try {
      const body = readFileSync(join(dir, path === '/' ? 'index.html' : path));
      response.writeHead(200, {
        'content-type': TYPES[extname(path)] ?? (path === '/' ? 'text/html' : 'application/octet-stream'),
      });
      response.end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return { origin: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(resolve)) };
}
