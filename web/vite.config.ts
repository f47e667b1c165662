import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The root is this folder whatever the working directory, so `vite build web` and
// `vite build --config web/vite.config.ts` both write web/dist, which the server serves.
const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  plugins: [react()],
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
