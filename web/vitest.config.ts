import { defineConfig } from 'vitest/config';

// Unit tests of the web app's pure logic (no browser): `npx vitest run --config web/vitest.config.ts`.
// The browser tests are in test/e2e/ and run with the root config.
export default defineConfig({
  test: {
    root: new URL('.', import.meta.url).pathname,
    include: ['src/**/*.test.ts'],
  },
});
