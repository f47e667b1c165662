import { describe, expect, it } from 'vitest';
import { loadKnowledgeBase } from '../../../knowledge-files/load-knowledge-base.js';
import { translationOf } from '../../../knowledge-files/test-support/translation-fixture.js';
import { formatKnowledgeProblem } from '../knowledge-base.js';
import { readTranslation } from './read-translation.js';

const kb = loadKnowledgeBase();

const problemsOf = (mutate: (docs: Record<string, any>) => void) => {
  const docs = structuredClone(translationOf(kb.data)) as Record<string, any>;
  mutate(docs);
  return readTranslation('tr', docs, kb.data).problems.map(formatKnowledgeProblem);
};

describe('readTranslation', () => {
  it('reads a complete translation in the documented format without a problem', () => {
    const read = readTranslation('tr', translationOf(kb.data), kb.data);
    expect(read.problems).toEqual([]);
    expect(read.translation.texts.faq?.get(`faq[${kb.data.faq.faq[0]!.id}].answer`)).toBe(`«${kb.data.faq.faq[0]!.answer}»`);
    expect(read.translation.texts.procedure?.get('anaesthesia.agent')).toBe(`«${kb.data.procedure.anaesthesia.agent}»`);
  });

  it('names an item the English file lacks, by file and path', () => {
    expect(problemsOf((d) => (d.faq.faq[0].id = 'no_such_question'))).toEqual([
      'knowledge/translations/tr/faq.yaml: faq[no_such_question]: unknown id "no_such_question": not in knowledge/faq.yaml',
    ]);
    const conflict = kb.data.conflicts.conflicts[0]!;
    expect(problemsOf((d) => (d.conflicts.conflicts[0].statements[0].citation = '000_28eead5230689bfd.txt:1'))).toEqual([
      `knowledge/translations/tr/conflicts.yaml: conflicts[${conflict.id}].statements[000_28eead5230689bfd.txt:1]: unknown citation "000_28eead5230689bfd.txt:1": not in knowledge/conflicts.yaml`,
    ]);
  });

  it('names a field that is not a text: sources, numbers and codes stay in the English file only', () => {
    const rule = kb.data.contraindications.contraindications[0]!;
    expect(
      problemsOf((d) => {
        d.contraindications.contraindications[0].sources = ['000_28eead5230689bfd.txt:70'];
        d.contraindications.contraindications[0].kind = 'absolute';
      }),
    ).toEqual([
      `knowledge/translations/tr/contraindications.yaml: contraindications[${rule.code}].sources: is not a text to translate (here only title, message are)`,
      `knowledge/translations/tr/contraindications.yaml: contraindications[${rule.code}].kind: is not a text to translate (here only title, message are)`,
    ]);
    expect(problemsOf((d) => (d.sources = { sources: [] }))).toEqual([]);
  });

  it('names an item without its identifying field, and one given twice', () => {
    expect(problemsOf((d) => delete d.areas.areas[1].id)).toEqual([
      'knowledge/translations/tr/areas.yaml: areas[1]: needs its id, to say which item of knowledge/areas.yaml it translates',
    ]);
    const first = kb.data.sideEffects.sideEffects[0]!;
    expect(problemsOf((d) => d.sideEffects.sideEffects[0].signs.push(d.sideEffects.sideEffects[0].signs[0]))).toEqual([
      `knowledge/translations/tr/side-effects.yaml: sideEffects[${first.code}].signs[${first.signs[0]!.code}]: code "${first.signs[0]!.code}" is translated twice`,
    ]);
  });

  it('names a value that is not text, and a word list that is not one', () => {
    expect(
      problemsOf((d) => {
        d.areas.areas[0].name = 12;
        d.areas.areas[1].name = '  ';
        d.screening.conditions[0].aliases = 'inme';
        d.sideEffects.sideEffects[0].terms = [];
        d.ingredients.ingredients[0].aliases = [];
      }),
    ).toEqual([
      `knowledge/translations/tr/areas.yaml: areas[${kb.data.areas.areas[0]!.id}].name: must be non-empty text`,
      `knowledge/translations/tr/areas.yaml: areas[${kb.data.areas.areas[1]!.id}].name: must be non-empty text`,
      `knowledge/translations/tr/screening.yaml: conditions[${kb.data.screening.conditions[0]!.code}].aliases: must be a list of words`,
      `knowledge/translations/tr/side-effects.yaml: sideEffects[${kb.data.sideEffects.sideEffects[0]!.code}].terms: needs at least one word`,
    ]);
  });

  it('names a text the English does not have, and a file that is not a mapping', () => {
    const zinc = kb.ingredients.get('zinc')!;
    expect(zinc.note).toBeUndefined();
    expect(problemsOf((d) => (d.ingredients.ingredients.find((i: { id: string }) => i.id === 'zinc').note = 'Çinko'))).toEqual([
      'knowledge/translations/tr/ingredients.yaml: ingredients[zinc].note: knowledge/ingredients.yaml has no note here to translate',
    ]);
    expect(problemsOf((d) => (d.faq = ['a', 'b']))).toEqual([
      'knowledge/translations/tr/faq.yaml: (file): must be a mapping of texts, as in the English file',
    ]);
  });
});
