import type { AssessmentResult, ConflictReport } from '../assessment/assessment-result.js';
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import type { KnowledgeLibrary } from '../knowledge/knowledge-library.js';
import { planInLanguage } from './plan-in-language.js';

type Pick = (kb: KnowledgeBase) => string | undefined;

/** `pick`'s text in `target` when `stored` is its text in one of the library's languages; else `stored`. */
function swap(stored: string, library: KnowledgeLibrary, target: KnowledgeBase, pick: Pick): string {
  const known = library.languages.some((language) => pick(library.for(language)) === stored);
  return known ? (pick(target) ?? stored) : stored;
}

type RuleList = 'contraindications' | 'precautions';

const rulesOf = (kb: KnowledgeBase, list: RuleList): readonly { code: string; message: string }[] =>
  list === 'contraindications' ? kb.data.contraindications.contraindications : kb.data.precautions.precautions;

/**
 * A rule's message in `target`: several rules may share a code (each its own case and message), so
 * the rule is found by its place in the file, which every language keeps.
 */
function ruleMessage(stored: string, code: string, list: RuleList, library: KnowledgeLibrary, target: KnowledgeBase) {
  for (const language of library.languages) {
    const index = rulesOf(library.for(language), list).findIndex((r) => r.code === code && r.message === stored);
    if (index >= 0) return rulesOf(target, list)[index]?.message ?? stored;
  }
  return stored;
}

function conflictIn(report: ConflictReport, library: KnowledgeLibrary, target: KnowledgeBase): ConflictReport {
  const conflict = (kb: KnowledgeBase) => kb.conflicts.get(report.id);
  return {
    ...report,
    topic: swap(report.topic, library, target, (kb) => conflict(kb)?.topic),
    applied: swap(report.applied, library, target, (kb) => conflict(kb)?.applied),
    statements: report.statements.map((s) => ({
      ...s,
      says: swap(
        s.says,
        library,
        target,
        (kb) => conflict(kb)?.statements.find((t) => t.citation === s.citation)?.says,
      ),
    })),
  };
}

/**
 * An assessment result (made with any language's knowledge base) in the words of `language`: the
 * reasons', precautions' and conflicts' texts and the plan's (`planInLanguage`), each found by its
 * code; the verdict, codes, dates, numbers and sources as they are. A text the assessment made
 * itself, or an earlier knowledge base's, stays as it was. For a result made now for a reader (the
 * re-assessment before charting) and for a stored one read back: what is stored is never changed.
 */
export function resultInLanguage(
  result: AssessmentResult,
  library: KnowledgeLibrary,
  language: string,
): AssessmentResult {
  const target = library.for(language);
  return {
    ...result,
    reasons: result.reasons.map((r) => ({
      ...r,
      message: ruleMessage(r.message, r.code, 'contraindications', library, target),
    })),
    precautions: result.precautions.map((p) => ({
      ...p,
      message: ruleMessage(p.message, p.code, 'precautions', library, target),
    })),
    conflicts: result.conflicts.map((c) => conflictIn(c, library, target)),
    ...(result.plan ? { plan: planInLanguage(result.plan, library, language) } : {}),
  };
}
