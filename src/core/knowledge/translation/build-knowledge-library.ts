import type { KnowledgeBase, KnowledgeProblem } from '../knowledge-base.js';
import { knowledgeLibrary, type KnowledgeLibrary } from '../knowledge-library.js';
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
 * text there.
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
  return knowledgeLibrary(base, localized, all);
}
