import type { KnowledgeData } from '../knowledge-files.js';
import { normaliseTerm, type KnowledgeProblem } from '../knowledge-base.js';
import { translationFile } from './read-translation.js';
import type { TranslatableFileKey } from './text-shape.js';

/**
 * The lists whose names and aliases are read as codes (the look-ups `buildKnowledgeBase` makes): an
 * intake's condition or procedure, an allergy's substance. A word there must name one code only.
 */
const lookupLists = [
  { key: 'screening', list: 'conditions', id: 'code' },
  { key: 'screening', list: 'procedureTypes', id: 'code' },
  { key: 'ingredients', list: 'ingredients', id: 'id' },
] as const satisfies readonly { key: TranslatableFileKey; list: string; id: string }[];

interface NamedItem {
  name: string;
  aliases: string[];
  [field: string]: unknown;
}

const itemsOf = (documents: unknown, list: string): NamedItem[] =>
  ((documents as Record<string, unknown> | undefined)?.[list] as NamedItem[] | undefined) ?? [];

/**
 * Makes a localized copy's look-up lists safe to match against, in place: each item keeps its English
 * name as an alias (so English words still match), and a translated name or alias that already names
 * another code - in English or earlier in the translation - is not used (the name reverts to the
 * English; the alias is dropped), since an intake word read two ways cannot be read safely. Returns
 * a problem for each word not used.
 */
export function claimTerms(
  english: KnowledgeData,
  localized: Partial<Record<TranslatableFileKey, unknown>>,
  language: string,
): KnowledgeProblem[] {
  const problems: KnowledgeProblem[] = [];
  for (const { key, list, id } of lookupLists) {
    const file = translationFile(language, key);
    const englishItems = itemsOf(english[key], list);
    const items = itemsOf(localized[key], list);
    const claims = new Map<string, string>();
    const own = englishItems.map((item) => {
      const terms = [String(item[id]), item.name, ...item.aliases].map(normaliseTerm);
      for (const term of terms) if (!claims.has(term)) claims.set(term, String(item[id]));
      return new Set(terms);
    });
    /** Whether a translated word may name this item's code; claims it if so. */
    const claim = (term: string, i: number) => {
      const code = String(items[i]![id]);
      const key = normaliseTerm(term);
      if (own[i]!.has(key)) return true;
      const holder = claims.get(key);
      if (holder !== undefined && holder !== code) return false;
      claims.set(key, code);
      return true;
    };
    const at = (i: number, field: string) => `${list}[${String(items[i]![id])}].${field}`;
    items.forEach((item, i) => {
      const englishName = englishItems[i]!.name;
      if (claim(item.name, i)) return;
      problems.push({
        file,
        path: at(i, 'name'),
        message: `"${item.name}" already names "${claims.get(normaliseTerm(item.name))}"; the English name is used`,
      });
      item.name = englishName;
    });
    items.forEach((item, i) => {
      const words = [...item.aliases, englishItems[i]!.name];
      const kept = new Set<string>([normaliseTerm(item.name)]);
      item.aliases = words.filter((word) => {
        const term = normaliseTerm(word);
        if (kept.has(term)) return false;
        if (!claim(word, i)) {
          problems.push({
            file,
            path: at(i, 'aliases'),
            message: `"${word}" already names "${claims.get(term)}"; it is not used`,
          });
          return false;
        }
        kept.add(term);
        return true;
      });
    });
  }
  return problems;
}
