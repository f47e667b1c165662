import type { Ok } from '../api/api-types';
import type { AssessmentResult } from '../api/assessment-types';

/**
 * GET /api/sessions/:id/treatment-check: the session-day safety picture at the top of the chart page.
 * The OpenAPI document gives the assessment only in outline, so it is typed with the core's own shape,
 * as the assessment screens do (api-types.ts).
 */
type CheckResponse = Ok<'/api/sessions/{id}/treatment-check', 'get'>;

export type TreatmentCheck = Omit<CheckResponse, 'assessment'> & { assessment: AssessmentResult | null };

/** Why the session may not be charted: an assessment reason, or SESSION_IN_FUTURE / NO_INTAKE. */
export type Blocker = CheckResponse['blockers'][number];

/** A clinic product judged against the plan: whether it fits, and which of the patient's allergens it contains. */
export type JudgedProduct = CheckResponse['products'][number];

export type AnaesthesiaAgent = CheckResponse['anaesthesiaAgents'][number];

/** What the page may do: chart freely, chart only with a written override, or not chart at all. */
export type ChartingMode = 'allowed' | 'override' | 'blocked';

export function chartingMode(check: Pick<TreatmentCheck, 'allowed' | 'overridable'>): ChartingMode {
  if (check.allowed) return 'allowed';
  return check.overridable ? 'override' : 'blocked';
}
