import type { KnowledgeBase } from '../../core/knowledge/knowledge-base.js';
import {
  triageSideEffect,
  TriageInputError,
  type SideEffectReport,
  type TriageResult,
} from '../../core/triage/triage-side-effect.js';
import { invalidField } from '../domain-errors.js';

/** The core's field names, as the request calls them. */
const requestField: Record<string, string> = { onsetAt: 'onset', text: 'symptom' };

/** The core's triage, with its input errors as invalid input naming the request's field. */
export function triageReport(report: SideEffectReport, knowledgeBase: KnowledgeBase): TriageResult {
  try {
    return triageSideEffect(report, knowledgeBase);
  } catch (error) {
    if (error instanceof TriageInputError) throw invalidField(requestField[error.field] ?? error.field, error.problem);
    throw error;
  }
}
