import type { Range } from '../assessment/assessment-result.js';

/** The parts of an assessment `Plan` that fix how long a booking must be; a whole `Plan` fits. */
export interface SessionLengthPlan {
  durationMinutes: Range;
  anaesthesia: { creamOffered: boolean; leadMinutes: Range };
}

/**
 * Minutes to book for one session: the longest procedure time, plus the longest numbing-cream lead
 * time when cream is offered, because the cream works in the treatment room and the booking must
 * never run short of the plan.
 */
export function sessionLengthMinutes(plan: SessionLengthPlan): number {
  const minutes = plan.durationMinutes.max + (plan.anaesthesia.creamOffered ? plan.anaesthesia.leadMinutes.max : 0);
  if (!Number.isFinite(minutes) || minutes <= 0)
    throw new RangeError(`session length must be positive, got ${minutes} minutes`);
  return Math.ceil(minutes);
}
