import type { KnowledgeBase } from '../core/knowledge/knowledge-base.js';
import { translatableTexts } from '../core/knowledge/translation/translatable-texts.js';

/*
 * Tests only: finding English left on a page or sheet meant for a Turkish reader. A word is English
 * when the English texts (UI labels, knowledge base) use it and the Turkish ones never do: that leaves
 * out the words both languages share (drug names, "ibuprofen", "fitness", numbers) without a list.
 */

/** Words shorter than this are skipped: "Dr", "mg", "ml", "ve" say nothing about the language. */
const MIN_LENGTH = 3;

/**
 * A word as compared: lower case by the default rules, except that "İ" is "i" (the default would keep
 * its dot as a combining mark). Turkish letters stay: "şişlik" is never an English word.
 */
export function wordKey(word: string): string {
  return word.replace(/İ/g, 'i').toLowerCase().normalize('NFC');
}

/** The words of a text as a reader sees them: runs of letters, of at least three letters. */
export function readerWords(text: string): string[] {
  return [...text.normalize('NFC').matchAll(/[\p{L}\p{M}]+/gu)]
    .map((m) => m[0])
    .filter((w) => [...w].length >= MIN_LENGTH);
}

/** Every text a reader reads in a knowledge base (its translatable texts: the localized ones in a translation). */
export function knowledgeTexts(kb: KnowledgeBase): string[] {
  return translatableTexts(kb.data).flatMap((entry) =>
    typeof entry.value === 'string' ? [entry.value] : [...entry.value],
  );
}

/** Every string value under `value` (nested objects and arrays), placeholders (`{{name}}`, `{day}`) taken out. */
export function stringValues(value: unknown): string[] {
  if (typeof value === 'string') return [value.replace(/\{\{?\s*\w+\s*\}\}?/g, ' ')];
  if (Array.isArray(value)) return value.flatMap(stringValues);
  if (typeof value === 'object' && value !== null) return Object.values(value).flatMap(stringValues);
  return [];
}

export interface EnglishDictionary {
  /** The words that mark a text as English, by `wordKey`. */
  readonly words: ReadonlySet<string>;
  /** The English words of `text`, each once, as written. */
  englishWordsIn(text: string): string[];
}

/**
 * The words of `english` that no text of `turkish` uses and `allowed` does not name (proper names,
 * brands, data a page shows as entered).
 */
export function englishDictionary(
  english: readonly string[],
  turkish: readonly string[],
  allowed: readonly string[] = [],
): EnglishDictionary {
  // A code quoted in a text ("bkz. aftercare_duration") is in no language: its parts must not count as Turkish.
  const prose = (text: string) => text.replace(/\S*_\S*/g, ' ');
  const keys = (texts: readonly string[]) => new Set(texts.map(prose).flatMap(readerWords).map(wordKey));
  const shared = keys([...turkish, ...allowed]);
  const words = new Set([...keys(english)].filter((w) => !shared.has(w)));
  return {
    words,
    englishWordsIn(text) {
      const found = new Map<string, string>();
      for (const word of readerWords(text)) {
        const key = wordKey(word);
        if (words.has(key) && !found.has(key)) found.set(key, word);
      }
      return [...found.values()];
    },
  };
}

/** `text` with each of `strings` (names and other data shown as entered) cut out, longest first. */
export function withoutData(text: string, strings: readonly string[]): string {
  return [...strings]
    .filter((s) => s.length > 0)
    .sort((a, b) => b.length - a.length)
    .reduce((rest, s) => rest.split(s).join(' '), text);
}
