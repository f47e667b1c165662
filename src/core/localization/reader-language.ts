import { BASE_LANGUAGE } from '../knowledge/knowledge-library.js';

/**
 * The language a user or patient reads in until they choose one (the column default of 0041): the
 * language the knowledge files are written in.
 */
export const defaultLanguage = BASE_LANGUAGE;

/**
 * Names in the reader's order: Turkish puts "Ç" after "C" and tells "ı" from "i", which the
 * server's default collation does not. Unknown tags fall back to the root collation.
 */
export function nameCollator(language: string): Intl.Collator {
  return new Intl.Collator(language, { numeric: true });
}

/** `items` sorted by `name` in the reader's order; items of equal names keep the order they came in. */
export function sortedByName<T>(items: readonly T[], name: (item: T) => string, language: string): T[] {
  const collator = nameCollator(language);
  return [...items].sort((a, b) => collator.compare(name(a), name(b)));
}
