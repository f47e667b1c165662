import { describe, expect, it } from 'vitest';
import { loadKnowledgeBase } from '../../../knowledge-files/load-knowledge-base.js';
import { translationOf } from '../../../knowledge-files/test-support/translation-fixture.js';
import { normaliseTerm } from '../knowledge-base.js';
import { localizeKnowledgeBase } from './localize-knowledge-base.js';
import { readTranslation } from './read-translation.js';
import { textShapes, translatableFileKeys } from './text-shape.js';
import { forEachText, translatableTexts } from './translatable-texts.js';

const kb = loadKnowledgeBase();

const localize = (mutate: (docs: Record<string, any>) => void = () => {}) => {
  const docs = structuredClone(translationOf(kb.data)) as Record<string, any>;
  mutate(docs);
  const read = readTranslation('zz', docs, kb.data);
  expect(read.problems).toEqual([]);
  return localizeKnowledgeBase(kb, read.translation);
};

/** The data with every text and word list blanked: what no translation may change. */
function withoutTexts(data: unknown): unknown {
  const copy = structuredClone(data) as Record<string, unknown>;
  for (const key of translatableFileKeys) forEachText(copy[key], textShapes[key], '', (_p, _k, _v, replace) => replace('-'));
  return copy;
}

const textAt = (base: typeof kb, file: string, path: string) =>
  translatableTexts(base.data).find((e) => e.file === file && e.path === path)?.value;

describe('localizeKnowledgeBase', () => {
  it('replaces every text and leaves every code, number, rule, citation and the version as they are', () => {
    const { knowledgeBase: zz, problems } = localize();
    expect(problems).toEqual([]);
    expect(zz.version).toBe(kb.version);
    expect(withoutTexts(zz.data)).toEqual(withoutTexts(kb.data));
    for (const entry of translatableTexts(zz.data))
      if (entry.kind === 'text') expect(entry.value, entry.path).toMatch(/^«[\s\S]*»$/);
    expect(zz.indications.get('hair_loss')?.name).toBe(`«${kb.indications.get('hair_loss')?.name}»`);
    expect([...zz.protocols.keys()]).toEqual([...kb.protocols.keys()]);
    expect(kb.data.faq.faq[0]!.answer).not.toMatch(/^«/);
  });

  it('matches both languages words: its own first, then the English, and the English name', () => {
    const { knowledgeBase: zz } = localize();
    const stroke = zz.data.screening.conditions.find((c) => c.code === 'stroke')!;
    const english = kb.data.screening.conditions.find((c) => c.code === 'stroke')!;
    expect(stroke.aliases.slice(0, english.aliases.length)).toEqual(english.aliases.map((a) => `${a} zz`));
    expect(stroke.aliases).toEqual(expect.arrayContaining([...english.aliases, english.name]));
    for (const term of ['cva zz', 'cva', 'Stroke', '«Stroke»']) expect(zz.conditionLookup.get(normaliseTerm(term)), term).toBe('stroke');
    expect(zz.ingredientLookup.get('lignocaine')).toBe('lidocaine');
    expect(zz.ingredientLookup.get(normaliseTerm('lignocaine zz'))).toBe('lidocaine');
    const redness = zz.data.sideEffects.sideEffects.find((e) => e.code === 'redness')!;
    expect(redness.terms).toEqual(expect.arrayContaining(['erythema', 'erythema zz']));
  });

  it('keeps the English where a text is missing, and says where', () => {
    const faq = kb.data.faq.faq[2]!;
    const { knowledgeBase: zz, problems } = localize((d) => delete d.faq.faq[2].answer);
    expect(problems).toEqual([
      { file: 'translations/zz/faq.yaml', path: `faq[${faq.id}].answer`, message: 'no zz text; the English is shown' },
    ]);
    expect(zz.data.faq.faq[2]!.answer).toBe(faq.answer);
    expect(zz.data.faq.faq[2]!.question).toBe(`«${faq.question}»`);
  });

  it('keeps the English where a whole file is missing, in one problem', () => {
    const { knowledgeBase: zz, problems } = localize((d) => delete d.areas);
    expect(problems).toEqual([
      { file: 'translations/zz/areas.yaml', path: '', message: `gives none of its ${kb.areas.size} texts; the English is shown` },
    ]);
    expect(zz.areas.get('face')?.name).toBe(kb.areas.get('face')?.name);
  });

  it('keeps the English where the figures differ, naming both', () => {
    const history = kb.data.faq.faq.find((f) => f.answer.includes('in 1952'))!;
    expect(history.answer).toMatch(/in 1958/);
    const { knowledgeBase: zz, problems } = localize((d) => {
      const item = d.faq.faq.find((f: { id: string }) => f.id === history.id);
      item.answer = item.answer.replace('1952', '1953');
    });
    expect(problems).toEqual([
      {
        file: 'translations/zz/faq.yaml',
        path: `faq[${history.id}].answer`,
        message: 'its figures differ from the English (English: 1952, 1958; zz: 1953, 1958); the English is shown',
      },
    ]);
    expect(zz.data.faq.faq.find((f) => f.id === history.id)?.answer).toBe(history.answer);
    expect(textAt(zz, 'faq.yaml', `faq[${history.id}].question`)).toBe(`«${history.question}»`);
  });

  it('does not use a word that already names another code, so no intake word reads two ways', () => {
    const { knowledgeBase: zz, problems } = localize((d) => {
      d.screening.conditions.find((c: { code: string }) => c.code === 'stroke').aliases.push('hemiplegia');
      d.ingredients.ingredients.find((c: { id: string }) => c.id === 'zinc').name = 'Lignocaine';
    });
    expect(problems).toEqual([
      { file: 'translations/zz/ingredients.yaml', path: 'ingredients[zinc].name', message: '"Lignocaine" already names "lidocaine"; the English name is used' },
      { file: 'translations/zz/screening.yaml', path: 'conditions[stroke].aliases', message: '"hemiplegia" already names "paralysis"; it is not used' },
    ].sort((a, b) => (a.file < b.file ? 1 : -1)));
    expect(zz.conditionLookup.get('hemiplegia')).toBe('paralysis');
    expect(zz.ingredientLookup.get('lignocaine')).toBe('lidocaine');
    expect(zz.ingredients.get('zinc')?.name).toBe('Zinc');
  });
});
