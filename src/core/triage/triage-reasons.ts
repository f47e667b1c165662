import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import type { TriagePhrases } from '../knowledge/schema/care-schema.js';
import { fill, templatePlaceholders } from '../text/fill-template.js';

/**
 * How one sentence of a triage's `why` was made: the knowledge base's phrase, the side effect whose
 * name it gives, and the figures filled in. Stored with a report, so that a reader of another
 * language reads the same reasons in theirs (`triageInLanguage`) without the triage being run again.
 */
export interface TriageReason {
  phrase: keyof TriagePhrases;
  /** The side effect's code, for `{name}`. */
  effect?: string;
  hours?: number;
  days?: number;
  max?: number;
  /** The denied words, for `{terms}`, as the report's text matched them. */
  terms?: string[];
}

/**
 * The sentence of `reason` in `kb`'s words: its phrase filled with the side effect's name and the
 * figures. Undefined when `kb` lacks the phrase or the side effect, or a mark of the phrase would
 * stay unfilled: a reader then sees the sentence as it was stored rather than one with a gap.
 */
export function reasonSentence(reason: TriageReason, kb: KnowledgeBase): string | undefined {
  const phrases: Readonly<Record<string, string>> = kb.data.sideEffects.triage;
  const template = Object.hasOwn(phrases, reason.phrase) ? phrases[reason.phrase] : undefined;
  if (template === undefined) return undefined;
  const values: Record<string, string | number> = {};
  if (reason.effect !== undefined) {
    const effect = kb.sideEffects.get(reason.effect);
    if (!effect) return undefined;
    values.name = effect.name;
  }
  for (const key of ['hours', 'days', 'max'] as const) {
    const value = reason[key];
    if (value !== undefined) values[key] = value;
  }
  if (reason.terms !== undefined) values.terms = reason.terms.join(', ');
  if (!templatePlaceholders(template).every((mark) => Object.hasOwn(values, mark))) return undefined;
  return fill(template, values);
}
