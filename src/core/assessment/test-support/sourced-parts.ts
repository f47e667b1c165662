import type { Plan, Sourced } from '../assessment-result.js';

/** The plan and each of its parts: every one must name the knowledge-base sources it came from. */
export function sourcedPartsOf(p: Plan): Sourced[] {
  return [
    p,
    p.maintenance,
    p.depthMm,
    p.mixture,
    p.anaesthesia,
    p.durationMinutes,
    p.resultsExpected,
    ...p.preparation,
    ...p.aftercare,
    ...p.expectedSideEffects,
    ...(p.laterIntervalDays ? [p.laterIntervalDays] : []),
  ];
}
