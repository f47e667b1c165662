import type { KnowledgeBase } from '../knowledge-base.js';

/** The look-ups that read the words an intake is written in: conditions, recent procedures, allergens. */
const wordLookups = ['conditionLookup', 'procedureLookup', 'ingredientLookup'] as const;
type WordLookup = (typeof wordLookups)[number];

/**
 * `own` with every word of `others` that `own` lacks. A word `own` has keeps `own`'s code, so a
 * reader's own language is read as before; a word two other languages give different codes is left
 * out, as it cannot be read safely - the intake's answer then stays an open question (fail closed).
 */
function withWordsOf(
  own: ReadonlyMap<string, string>,
  others: readonly ReadonlyMap<string, string>[],
): ReadonlyMap<string, string> {
  const added = new Map<string, string>();
  const ambiguous = new Set<string>();
  for (const other of others)
    for (const [word, code] of other) {
      if (own.has(word) || ambiguous.has(word)) continue;
      const earlier = added.get(word);
      if (earlier === undefined) added.set(word, code);
      else if (earlier !== code) {
        added.delete(word);
        ambiguous.add(word);
      }
    }
  return added.size ? new Map([...own, ...added]) : own;
}

/**
 * Each knowledge base of a library, reading an intake's words in every language of the library: a
 * condition, procedure or allergy written in Turkish is recognised by the English knowledge base (and
 * so by re-screening and by a reader of English) as it is by the Turkish one. The texts each reads
 * out stay its own; only the word look-ups grow. Returns a copy of each knowledge base that gains a
 * word (the others as they are), by the knowledge base given.
 */
export function readingEveryLanguage(members: readonly KnowledgeBase[]): Map<KnowledgeBase, KnowledgeBase> {
  const unique = [...new Set(members)];
  return new Map(
    unique.map((kb) => {
      const others = unique.filter((other) => other !== kb);
      const lookups = {} as Record<WordLookup, ReadonlyMap<string, string>>;
      let grew = false;
      for (const key of wordLookups) {
        lookups[key] = withWordsOf(
          kb[key],
          others.map((other) => other[key]),
        );
        grew ||= lookups[key] !== kb[key];
      }
      return [kb, grew ? { ...kb, ...lookups } : kb];
    }),
  );
}
