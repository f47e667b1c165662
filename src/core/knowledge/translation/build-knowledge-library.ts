import type { KnowledgeBase, KnowledgeProblem } from '../knowledge-base.js';
import { knowledgeLibrary, type KnowledgeLibrary } from '../knowledge-library.js';
import { readingEveryLanguage } from './library-words.js';
import { localizeKnowledgeBase } from './localize-knowledge-base.js';
import { readTranslation } from './read-translation.js';
import type { TranslatableFileKey } from './text-shape.js';

/** One language's parsed translation files, by file key (a file it lacks is absent). */
export interface ParsedTranslation {
  language: string;
  documents: Partial<Record<TranslatableFileKey, unknown>>;
}

/**
 * The library of the base and each translation, localized. A translation's faults never stop it:
 * each is a problem (for `kb lint` to fail on and a start to log), and its reader sees the English
 * text there. Every knowledge base of it reads an intake's words in all its languages
 * (`readingEveryLanguage`).
 */
export function buildKnowledgeLibrary(
  base: KnowledgeBase,
  translations: readonly ParsedTranslation[],
  problems: readonly KnowledgeProblem[] = [],
): KnowledgeLibrary {
  const localized = new Map<string, KnowledgeBase>();
  const all = [...problems];
  for (const { language, documents } of translations) {
    const read = readTranslation(language, documents, base.data);
    const result = localizeKnowledgeBase(base, read.translation);
    all.push(...read.problems, ...result.problems);
    localized.set(language, result.knowledgeBase);
  }
  // An intake's words are read in every language, whoever reads the result: re-screening and a
  // reader of English recognise a condition written in Turkish.
  const reading = readingEveryLanguage([base, ...localized.values()]);
  const each = (kb: KnowledgeBase) => reading.get(kb) ?? kb;
  return knowledgeLibrary(each(base), new Map([...localized].map(([language, kb]) => [language, each(kb)])), all);
}
