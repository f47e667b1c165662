import type { NewSideEffectReport } from './side-effect-types';

export const severities = ['mild', 'moderate', 'severe'] as const;
export type Severity = (typeof severities)[number];

/** What the form holds while it is filled in. */
export interface ReportDraft {
  symptoms: string[];
  details: string;
  onsetDays: number;
  ongoing: boolean;
  severity: Severity;
}

export function emptyDraft(): ReportDraft {
  return { symptoms: [], details: '', onsetDays: 0, ongoing: true, severity: 'mild' };
}

/** A draft can be sent once it names something: a ticked symptom or the patient's words. */
export function draftReady(draft: ReportDraft): boolean {
  return draft.symptoms.length > 0 || draft.details.trim().length > 0;
}

/** The request body: ticked codes, the words only when there are some, the onset in days. */
export function draftBody(draft: ReportDraft): NewSideEffectReport {
  const details = draft.details.trim();
  return {
    symptoms: draft.symptoms,
    ...(details ? { symptom: details } : {}),
    onsetDays: draft.onsetDays,
    ongoing: draft.ongoing,
    severity: draft.severity,
  };
}

/** Whole days from a session to now, plus the calendar day begun: the latest onset day that can be true. */
export function latestOnsetDay(sessionAt: string, now: number): number {
  return Math.max(0, Math.floor((now - Date.parse(sessionAt)) / 86_400_000)) + 1;
}
