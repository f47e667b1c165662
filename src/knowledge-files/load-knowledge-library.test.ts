import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatKnowledgeProblem } from '../core/knowledge/knowledge-base.js';
import { KnowledgeBaseError, loadKnowledgeBase } from './load-knowledge-base.js';
import { loadKnowledgeLibrary } from './load-knowledge-library.js';
import { knowledgeWithTranslation, translationOf } from './test-support/translation-fixture.js';

const english = loadKnowledgeBase();
const complete = () => structuredClone(translationOf(english.data)) as Record<string, any>;
const cacheDirs: string[] = [];
afterAll(() => {
  for (const dir of cacheDirs) rmSync(dir, { recursive: true, force: true });
});

describe('loadKnowledgeLibrary', () => {
  it('loads each language folder as a knowledge base of its own, and English as the base', () => {
    const library = loadKnowledgeLibrary(knowledgeWithTranslation('zz', complete()));
    expect(library.problems).toEqual([]);
    expect(library.languages).toEqual(['en', 'zz']);
    const zz = library.for('zz');
    expect(zz.indications.get('hair_loss')?.summary).toBe(`«${english.indications.get('hair_loss')?.summary}»`);
    expect(zz.version).toBe(english.version);
    expect(library.for('ZZ-Latn')).toBe(zz);
    for (const other of ['en', 'de', '', undefined]) expect(library.for(other), String(other)).toBe(library.base);
    expect(library.base.data).toEqual(english.data);
  });

  it('keeps loadKnowledgeBase as it was: the English only, whatever translations lie beside it', () => {
    const dir = knowledgeWithTranslation('zz', complete());
    expect(loadKnowledgeBase(dir).data).toEqual(english.data);
  });

  it('loads the project knowledge folder with every language in it', () => {
    const library = loadKnowledgeLibrary();
    expect(library.languages[0]).toBe('en');
    expect(library.base.version).toBe(english.version);
    for (const language of library.languages) expect(library.for(language).version).toBe(english.version);
  });

  it('never stops on a translation: what is missing or broken is a problem, and shown in English', () => {
    const docs = complete();
    delete docs.faq;
    delete docs.areas.areas[0].name;
    const dir = knowledgeWithTranslation('zz', docs);
    const folder = join(dir, 'translations', 'zz');
    writeFileSync(join(folder, 'mixtures.yaml'), 'mixtures: [\n');
    writeFileSync(join(folder, 'sources.yaml'), 'sources: []\n');
    mkdirSync(join(dir, 'translations', 'en'));
    mkdirSync(join(dir, 'translations', 'Turkish'));
    writeFileSync(join(dir, 'translations', 'README.md'), 'One folder per language.\n');

    const library = loadKnowledgeLibrary(dir);
    const zz = library.for('zz');
    expect(library.languages).toEqual(['en', 'zz']);
    expect(zz.areas.get(english.data.areas.areas[0]!.id)?.name).toBe(english.data.areas.areas[0]!.name);
    expect(zz.data.faq.faq).toEqual(english.data.faq.faq);
    expect(zz.mixtures.get(english.data.mixtures.mixtures[0]!.id)?.name).toBe(english.data.mixtures.mixtures[0]!.name);
    expect(zz.areas.get(english.data.areas.areas[1]!.id)?.name).toBe(`«${english.data.areas.areas[1]!.name}»`);
    const lines = library.problems.map(formatKnowledgeProblem);
    expect(lines).toEqual(
      expect.arrayContaining([
        'knowledge/translations/en: (file): is the base language: its texts are the files in knowledge/ itself',
        'knowledge/translations/Turkish: (file): is not a language code in lower case (such as tr or pt-br)',
        'knowledge/translations/zz/sources.yaml: (file): is not translated (sources, house rules and outside references stay as written); remove it',
        expect.stringMatching(/^knowledge\/translations\/zz\/mixtures\.yaml: line \d+: /),
        `knowledge/translations/zz/faq.yaml: (file): gives none of its ${english.data.faq.faq.length * 2} texts; the English is shown`,
        `knowledge/translations/zz/areas.yaml: areas[${english.data.areas.areas[0]!.id}].name: no zz text; the English is shown`,
      ]),
    );
    expect(lines.some((line) => line.includes('README'))).toBe(false);
  });

  it('still throws for a broken English file, as loadKnowledgeBase does', () => {
    const dir = knowledgeWithTranslation('zz', complete());
    writeFileSync(join(dir, 'areas.yaml'), 'areas: [\n');
    expect(() => loadKnowledgeLibrary(dir)).toThrow(KnowledgeBaseError);
  });

  it('keeps each language parsed in the cache folder, and parses again once a file changes', () => {
    const dir = knowledgeWithTranslation('zz', complete());
    const cacheDir = mkdtempSync(join(tmpdir(), 'mesodesk-kb-i18n-cache-'));
    cacheDirs.push(cacheDir);
    const face = english.data.areas.areas[0]!;
    loadKnowledgeLibrary(dir, { cacheDir });
    const cached = readdirSync(cacheDir).filter((f) => f.endsWith('.json'));
    expect(cached).toHaveLength(2);
    // An edit only the cache has shows that a load read it rather than the YAML.
    for (const file of cached) {
      const path = join(cacheDir, file);
      writeFileSync(path, readFileSync(path, 'utf8').replace(`«${face.name}»`, '«from the cache»'));
    }
    expect(loadKnowledgeLibrary(dir, { cacheDir }).for('zz').areas.get(face.id)?.name).toBe('«from the cache»');
    const areas = join(dir, 'translations', 'zz', 'areas.yaml');
    writeFileSync(areas, readFileSync(areas, 'utf8').replace(`«${face.name}»`, '«edited»'));
    expect(loadKnowledgeLibrary(dir, { cacheDir }).for('zz').areas.get(face.id)?.name).toBe('«edited»');
  });
});
