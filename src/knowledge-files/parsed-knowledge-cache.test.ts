import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultKnowledgeDir, loadKnowledgeBase } from './load-knowledge-base.js';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});
const scratch = () => {
  const dir = mkdtempSync(join(tmpdir(), 'mesodesk-kb-cache-'));
  dirs.push(dir);
  return dir;
};
const cacheFiles = (cacheDir: string) =>
  readdirSync(cacheDir).filter((f) => f.startsWith('knowledge-') && f.endsWith('.json'));
const pregnancyMessage = (kb: ReturnType<typeof loadKnowledgeBase>) =>
  kb.data.contraindications.contraindications.find((c) => c.code === 'PREGNANCY')?.message;

describe('parsed knowledge cache', () => {
  it('gives the same knowledge base, under the same version, as parsing the files', () => {
    const cacheDir = join(scratch(), 'cache');
    const parsed = loadKnowledgeBase();
    const first = loadKnowledgeBase(defaultKnowledgeDir, { cacheDir });
    expect(cacheFiles(cacheDir)).toHaveLength(1);
    const cached = loadKnowledgeBase(defaultKnowledgeDir, { cacheDir });
    for (const kb of [first, cached]) {
      expect(kb.version).toBe(parsed.version);
      expect(kb.data).toEqual(parsed.data);
      expect([...kb.indications.keys()]).toEqual([...parsed.indications.keys()]);
    }
  });

  it('is read instead of the YAML while the texts are unchanged, and ignored once one changes', () => {
    const knowledgeDir = join(scratch(), 'knowledge');
    cpSync(defaultKnowledgeDir, knowledgeDir, { recursive: true });
    const cacheDir = join(scratch(), 'cache');
    loadKnowledgeBase(knowledgeDir, { cacheDir });
    const [file] = cacheFiles(cacheDir);
    const path = join(cacheDir, file ?? '');
    // An edit only the cache has shows that a load read it rather than the YAML.
    writeFileSync(
      path,
      readFileSync(path, 'utf8').replace('Mesotherapy is not given during pregnancy.', 'From the cache.'),
    );
    expect(pregnancyMessage(loadKnowledgeBase(knowledgeDir, { cacheDir }))).toBe('From the cache.');

    const yamlPath = join(knowledgeDir, 'contraindications.yaml');
    writeFileSync(
      yamlPath,
      readFileSync(yamlPath, 'utf8').replace('Mesotherapy is not given during pregnancy.', 'Edited in the YAML.'),
    );
    const edited = loadKnowledgeBase(knowledgeDir, { cacheDir });
    expect(pregnancyMessage(edited)).toBe('Edited in the YAML.');
    expect(edited.version).not.toBe(loadKnowledgeBase().version);
    expect(cacheFiles(cacheDir)).toHaveLength(2);
  });

  it('parses the YAML again when the cached file is damaged', () => {
    const cacheDir = join(scratch(), 'cache');
    loadKnowledgeBase(defaultKnowledgeDir, { cacheDir });
    const [file] = cacheFiles(cacheDir);
    writeFileSync(join(cacheDir, file ?? ''), '{"sources": ');
    expect(pregnancyMessage(loadKnowledgeBase(defaultKnowledgeDir, { cacheDir }))).toBe(
      'Mesotherapy is not given during pregnancy.',
    );
  });

  it('still loads when the cache folder cannot be written', () => {
    const blocker = join(scratch(), 'not-a-folder');
    writeFileSync(blocker, 'a file where the cache folder would go');
    expect(loadKnowledgeBase(defaultKnowledgeDir, { cacheDir: join(blocker, 'cache') }).version).toBe(
      loadKnowledgeBase().version,
    );
  });
});
