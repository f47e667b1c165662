import type { KnowledgeBase, KnowledgeProblem } from './knowledge-base.js';

/** The language the knowledge files in knowledge/ are written in; every translation is checked against it. */
export const BASE_LANGUAGE = 'en';

/**
 * The knowledge base in every language it has. Each language's base has the English codes, numbers,
 * rules and version - only what a reader reads differs - so a decision made with one holds for all.
 */
export interface KnowledgeLibrary {
  /** The base language first, then each translation's language code in order. */
  readonly languages: readonly string[];
  /** The English knowledge base. */
  readonly base: KnowledgeBase;
  /**
   * The knowledge base in this language (`tr`, or a tag such as `tr-TR`, read as `tr`); the base for
   * a language the library lacks. Where a language lacks a text, its base has the English one.
   */
  for(language: string | undefined): KnowledgeBase;
  /** What each translation lacks or gets wrong (shown in English meanwhile); `kb lint` fails on each. */
  readonly problems: readonly KnowledgeProblem[];
}

/** A library of the base and its localized copies (by language code). */
export function knowledgeLibrary(
  base: KnowledgeBase,
  localized: ReadonlyMap<string, KnowledgeBase>,
  problems: readonly KnowledgeProblem[] = [],
): KnowledgeLibrary {
  const byLanguage = new Map([...localized].map(([language, kb]) => [language.toLowerCase(), kb]));
  return {
    languages: [BASE_LANGUAGE, ...[...localized.keys()].filter((l) => l !== BASE_LANGUAGE)],
    base,
    for(language) {
      if (!language) return base;
      const tag = language.toLowerCase();
      return byLanguage.get(tag) ?? byLanguage.get(tag.split('-')[0] ?? tag) ?? base;
    },
    problems,
  };
}
