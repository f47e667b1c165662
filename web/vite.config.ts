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

export default defineConfig({
  root,
  plugins: [react(), gzipBuiltFiles()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The first-page budget is measured by bench/web-first-page.js; screens load on demand.
    chunkSizeWarningLimit: 600,
  },
  server: {
    // `vite web` for development next to `npm start` (port 3000): same-origin /api keeps cookies and CSRF simple.
    proxy: { '/api': 'http://localhost:3000' },
  },
});
