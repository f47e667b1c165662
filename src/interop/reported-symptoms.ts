import type { SideEffectReportRecord } from './records.js';

/**
 * What a side-effect report says, for exports and documents: the symptoms ticked on the form (their
 * codes in words) and the reporter's own words. A report with ticks alone is never blank.
 */
export function reportedSymptoms(report: Pick<SideEffectReportRecord, 'symptom' | 'symptoms'>): string {
  const ticked = (report.symptoms ?? []).map((code) => code.replace(/_/g, ' '));
  const words = report.symptom.trim();
  return [...ticked, ...(words ? [words] : [])].join('; ');
}
