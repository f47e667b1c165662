import type { AssessmentResult } from '../assessment/assessment-result.js';

/**
 * What a screening allows in the portal: `bookable` (the patient may book a course online), or why
 * a clinician must see them first, in which case the portal offers a consultation request and the
 * server refuses any booking.
 */
export const portalOutcomes = [
  'bookable',
  'deferred',
  'contraindicated',
  'screening_incomplete',
  'clinician_first',
] as const;
export type PortalOutcome = (typeof portalOutcomes)[number];

/**
 * Precautions the practitioner applies at the session itself (a mixture without the allergen, no
 * numbing cream, a needle-free option, care around the eyes). Any other one, and any the knowledge
 * base adds later, asks for a clinician's decision before a course is planned: online booking fails
 * closed on it.
 */
const appliedAtTheSession: ReadonlySet<string> = new Set([
  'ALLERGEN_EXCLUDED',
  'NO_ANAESTHETIC_CREAM',
  'NEEDLE_FREE_OPTION',
  'PERIORBITAL_CARE',
]);

/**
 * The portal's reading of an assessment, most restrictive first. A deferral is never booked online,
 * even with a date to wait for: the patient talks to the clinic, which books once it has passed.
 */
export function portalOutcome(
  result: Pick<AssessmentResult, 'verdict' | 'reasons' | 'precautions' | 'plan'>,
): PortalOutcome {
  if (result.verdict === 'contraindicated') return 'contraindicated';
  if (result.reasons.some((r) => r.code === 'SCREENING_INCOMPLETE')) return 'screening_incomplete';
  if (result.verdict === 'defer' || result.reasons.length > 0) return 'deferred';
  if (result.verdict !== 'eligible' && result.verdict !== 'eligible_with_precautions') return 'clinician_first';
  if (!result.plan) return 'clinician_first';
  if (result.precautions.some((p) => !appliedAtTheSession.has(p.code))) return 'clinician_first';
  return 'bookable';
}
