import { fileURLToPath } from 'node:url';
import madge from 'madge';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));

/**
 * No module may reach itself through its imports, type-only imports included: a cycle ties layers
 * together (a route and the service it calls, say) so that neither can be read or tested alone.
 * eslint's import-x/no-cycle checks the same for value imports as files are edited.
 */
describe('import cycles', () => {
  it.each([
    ['src', 'tsconfig.json'],
    ['web/src', 'web/tsconfig.json'],
  ])(
    'there are none in %s',
    async (folder, tsConfig) => {
      const graph = await madge(`${root}${folder}`, {
        fileExtensions: ['ts', 'tsx'],
        tsConfig: `${root}${tsConfig}`,
        detectiveOptions: { ts: { skipTypeImports: false }, tsx: { skipTypeImports: false } },
      });
      expect(graph.circular().map((cycle) => cycle.join(' -> '))).toEqual([]);
      // A graph that found nothing would pass vacuously.
      expect(Object.keys(graph.obj()).length).toBeGreaterThan(100);
    },
    120_000,
  );
});
