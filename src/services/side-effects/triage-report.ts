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

/**
 * The core's triage, with its input errors as invalid input naming the request's field. `alsoIn`:
 * the knowledge base in the clinic's other languages, whose words the report's text is read with too.
 */
export function triageReport(
  report: SideEffectReport,
  knowledgeBase: KnowledgeBase,
  alsoIn: readonly KnowledgeBase[] = [],
): TriageResult {
  try {
    return triageSideEffect(report, knowledgeBase, alsoIn);
  } catch (error) {
    if (error instanceof TriageInputError) throw invalidField(requestField[error.field] ?? error.field, error.problem);
    throw error;
  }
}
