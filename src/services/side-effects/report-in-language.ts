import type { KnowledgeBase } from '../../core/knowledge/knowledge-base.js';
import type { SideEffectReportRecord } from '../../core/records/index.js';
import { triageInLanguage } from '../../core/triage/triage-in-language.js';
import type { TriageResult } from '../../core/triage/triage-side-effect.js';

/** A triage as a report stores it: with the language whose knowledge base gave its words. */
export type StoredTriage = TriageResult & { language?: string };

/** The knowledge base in a language (the app's `knowledgeFor`: the base for a language the library lacks). */
export type KnowledgeFor = (language: string | undefined) => KnowledgeBase;

/** The triage as stored for a report made in `language` (unknown when no language is given). */
export function storedTriage(triage: TriageResult, language: string | undefined): StoredTriage {
  return language === undefined ? triage : { ...triage, language };
}

function madeIn(triage: unknown): string | undefined {
  const language = typeof triage === 'object' && triage !== null && 'language' in triage ? triage.language : undefined;
  return typeof language === 'string' ? language : undefined;
}

/**
 * The report as a reader of `language` reads it: its triage's reasons and advice in their language
 * (see `triageInLanguage`). A reader of the language it was made in reads it exactly as it was given;
 * the level, and everything else the report says, is the same for every reader.
 */
export function reportInLanguage(
  report: SideEffectReportRecord,
  knowledgeFor: KnowledgeFor,
  language: string,
): SideEffectReportRecord {
  const reader = knowledgeFor(language);
  const made = madeIn(report.triage);
  if (made !== undefined && knowledgeFor(made) === reader) return report;
  const triage = triageInLanguage(report.triage, reader);
  return triage === report.triage ? report : { ...report, triage };
}
