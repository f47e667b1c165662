import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import type { SideEffect } from '../knowledge/schema/care-schema.js';
import { foldText } from '../text/fold-text.js';

/** The words a report may name a side effect by: its own terms, and each sign's, by sign code. */
export interface EffectWords {
  terms: string[];
  signs: { code: string; terms: string[] }[];
}

/** Each list's words once, as matched (folded), the first spelling kept. */
function union(lists: readonly (readonly string[])[]): string[] {
  const seen = new Set<string>();
  return lists.flat().filter((word) => {
    const key = foldText(word).trim();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * The words of each side effect of `kb`, by effect code, with the words the same effect and sign have
 * in every knowledge base of `alsoIn` (the library's other languages: same codes, other words). A
 * report is read in every language the clinic has, whoever types it: a Turkish patient's words taken
 * down by a member of staff who reads English still name the pus they report.
 */
export function effectWords(kb: KnowledgeBase, alsoIn: readonly KnowledgeBase[]): Map<string, EffectWords> {
  const others = alsoIn.filter((other) => other !== kb);
  const words = new Map<string, EffectWords>();
  for (const effect of kb.data.sideEffects.sideEffects) {
    const same = others.flatMap((other) => other.sideEffects.get(effect.code) ?? []);
    const signTerms = (code: string) =>
      same.map((other: SideEffect) => other.signs.find((s) => s.code === code)?.terms ?? []);
    words.set(effect.code, {
      terms: union([effect.terms, ...same.map((other) => other.terms)]),
      signs: effect.signs.map((sign) => ({ code: sign.code, terms: union([sign.terms, ...signTerms(sign.code)]) })),
    });
  }
  return words;
}
