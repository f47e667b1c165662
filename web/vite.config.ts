import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { constants, gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

// The root is this folder whatever the working directory, so `vite build web` and
// `vite build --config web/vite.config.ts` both write web/dist, which the server serves.
const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * Writes `name.gz` beside every text file of the build, at the highest level, once: the server sends
 * it as it is (@fastify/static's preCompressed) instead of compressing the same file per request.
 */
function gzipBuiltFiles(): Plugin {
  return {
    name: 'mesodesk-gzip-built-files',
    apply: 'build',
    closeBundle() {
      const dist = join(root, 'dist');
      for (const entry of readdirSync(dist, { recursive: true, withFileTypes: true })) {
        if (!entry.isFile() || !/\.(js|css|html|svg|json|txt)$/.test(entry.name)) continue;
        const file = join(entry.parentPath, entry.name);
        writeFileSync(`${file}.gz`, gzipSync(readFileSync(file), { level: constants.Z_BEST_COMPRESSION }));
      }
    },
  };
}

const nodeModule = (names: string) => new RegExp(`[\\/]node_modules[\\/](${names})[\\/]`);
const calendarLibraries = nodeModule(
  'react-big-calendar|lodash|@popperjs|dom-helpers|react-overlays|uncontrollable|date-arithmetic|dayjs|@restart|react-lifecycles-compat|memoize-one|invariant|warning',
);

/**
 * Libraries in chunks of their own, fetched beside one another and kept in the browser's cache across
 * releases of the app's own code. The calendar's libraries load only with the calendar: the sign-in
 * page and the portal do not carry them.
 */
const vendorChunks = [
  { name: 'react', test: nodeModule('react|react-dom|scheduler'), priority: 3 },
  { name: 'router', test: nodeModule('react-router|cookie|set-cookie-parser'), priority: 3 },
  { name: 'i18next', test: nodeModule('i18next|react-i18next|html-parse-stringify|void-elements'), priority: 3 },
  // Small helpers the first page shares with the calendar's libraries: not to be pulled in with those.
  { name: 'helpers', test: nodeModule('clsx|prop-types|react-is|@babel[\\/]runtime'), priority: 3 },
  // Its style sheets stay with the calendar's page, which imports them.
  { name: 'big-calendar', test: (id: string) => !id.endsWith('.css') && calendarLibraries.test(id), priority: 2 },
  // Whatever else the first page needs, in one file rather than a dozen small shared ones.
  { name: 'first-page', tags: ['$initial' as const], priority: 1 },
];

export default defineConfig({
  root,
  plugins: [react(), gzipBuiltFiles()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The first-page budget is measured by bench/web-first-page.js; screens load on demand.
    chunkSizeWarningLimit: 600,
    rolldownOptions: { output: { codeSplitting: { groups: vendorChunks } } },
  },
  server: {
    // `vite web` for development next to `npm start` (port 3000): same-origin /api keeps cookies and CSRF simple.
    proxy: { '/api': 'http://localhost:3000' },
  },
});
