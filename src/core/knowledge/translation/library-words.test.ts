import { describe, expect, it } from 'vitest';
import { loadKnowledgeLibrary } from '../../../knowledge-files/load-knowledge-library.js';
import type { KnowledgeBase } from '../knowledge-base.js';
import { readingEveryLanguage } from './library-words.js';

const library = loadKnowledgeLibrary();

/** A knowledge base of `library.base`'s texts whose condition look-up is `words`. */
const withConditions = (words: Record<string, string>): KnowledgeBase => ({
  ...library.base,
  conditionLookup: new Map(Object.entries(words)),
});

describe('knowledge bases that read an intake in every language of the library', () => {
  it('gives each knowledge base the words of the others, keeping its own words and texts', () => {
    const en = withConditions({ stroke: 'stroke', cva: 'stroke' });
    const tr = withConditions({ stroke: 'stroke', inme: 'stroke', felc: 'paralysis' });
    const reading = readingEveryLanguage([en, tr]);
    const enReads = reading.get(en)!;
    expect(Object.fromEntries(enReads.conditionLookup)).toEqual({
      stroke: 'stroke',
      cva: 'stroke',
      inme: 'stroke',
      felc: 'paralysis',
    });
    expect(enReads.data).toBe(en.data);
    expect(enReads.sideEffects).toBe(en.sideEffects);
    expect(reading.get(tr)!.conditionLookup.get('cva')).toBe('stroke');
  });

  it('reads a word of its own language as before, and leaves a word two others read apart unrecognised', () => {
    const own = withConditions({ af: 'heart_disease' });
    const a = withConditions({ af: 'stroke', seker: 'diabetes', x: 'cancer' });
    const b = withConditions({ seker: 'diabetes', x: 'urticaria' });
    const reads = readingEveryLanguage([own, a, b]).get(own)!.conditionLookup;
    expect(reads.get('af')).toBe('heart_disease');
    expect(reads.get('seker')).toBe('diabetes');
    // "x" names two conditions in two other languages: it cannot be read safely, so the intake's
    // answer stays an open question for a clinician.
    expect(reads.has('x')).toBe(false);
  });

  it('leaves a knowledge base that gains no word as it is', () => {
    const en = withConditions({ stroke: 'stroke' });
    expect(readingEveryLanguage([en]).get(en)).toBe(en);
    expect(readingEveryLanguage([en, en]).get(en)).toBe(en);
  });

  it('makes the loaded library’s English knowledge base read the Turkish words, and its texts stay English', () => {
    expect(library.base.conditionLookup.get('inme')).toBe('stroke');
    expect(library.base.procedureLookup.get('lazer')).toBe('laser');
    expect(library.base.ingredientLookup.get('lidokain')).toBe('lidocaine');
    expect(library.base.data.screening.conditions.find((c) => c.code === 'stroke')?.name).toBe('Stroke');
    expect(library.for('tr').conditionLookup.get('cva')).toBe('stroke');
  });
});
