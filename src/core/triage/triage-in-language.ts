import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import { reasonSentence, type TriageReason } from './triage-reasons.js';
import type { TriageFinding, TriageResult } from './triage-side-effect.js';

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;
const isStringList = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((item) => typeof item === 'string');
const optional = (value: unknown, is: (v: unknown) => boolean) => value === undefined || is(value);
const isFigure = (value: unknown) => typeof value === 'number' && Number.isFinite(value);

function isReason(value: unknown): value is TriageReason {
  return (
    isObject(value) &&
    typeof value.phrase === 'string' &&
    optional(value.effect, (v) => typeof v === 'string') &&
    optional(value.hours, isFigure) &&
    optional(value.days, isFigure) &&
    optional(value.max, isFigure) &&
    optional(value.terms, isStringList)
  );
}

/** A stored triage that says how each of its sentences was made: one `reasons` entry per `why`. */
type RebuildableTriage = Omit<TriageResult, 'findings'> & {
  findings: (Pick<TriageFinding, 'code'> & Record<string, unknown>)[];
};

function isRebuildable(stored: unknown): stored is RebuildableTriage {
  if (!isObject(stored) || !isStringList(stored.why) || !Array.isArray(stored.reasons)) return false;
  if (stored.reasons.length !== stored.why.length || !stored.reasons.every(isReason)) return false;
  return Array.isArray(stored.findings) && stored.findings.every((f) => isObject(f) && typeof f.code === 'string');
}

/**
 * A stored triage (a side-effect report's, read defensively) with its words in `kb`'s language: each
 * reason's sentence made again from the phrase and figures it was made from, and each finding's name
 * and advice the side effect's in `kb`. Nothing else changes - not the level, the findings' codes and
 * signs, nor the sources: the decision was taken when the report was made and is never taken again.
 *
 * A triage stored without its reasons (before they were kept), or one that `kb` cannot word in full
 * (a phrase or side effect it lacks), is returned as stored, in the words it was given in: a reader
 * sees one language, never a mix, and never a sentence with a gap.
 */
export function triageInLanguage(stored: unknown, kb: KnowledgeBase): unknown {
  if (!isRebuildable(stored)) return stored;
  const why: string[] = [];
  for (const reason of stored.reasons) {
    const sentence = reasonSentence(reason, kb);
    if (sentence === undefined) return stored;
    why.push(sentence);
  }
  const findings: RebuildableTriage['findings'] = [];
  for (const finding of stored.findings) {
    const effect = kb.sideEffects.get(finding.code);
    if (!effect) return stored;
    findings.push({ ...finding, name: effect.name, advice: effect.advice });
  }
  return { ...stored, why, findings };
}
