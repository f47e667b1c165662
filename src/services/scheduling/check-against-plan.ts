import type { CoursePlan } from '../../core/scheduling/course-request.js';
import { invalidField } from '../domain-errors.js';

/** The request's own checks against the plan, as 400s naming the field (the core would throw). */
export function checkAgainstPlan(plan: CoursePlan, options: { sessions?: number; switchAfter?: number }): void {
  const count = options.sessions;
  if (count !== undefined && (count < plan.sessions.min || count > plan.sessions.max))
    throw invalidField('sessions', `must be between ${plan.sessions.min} and ${plan.sessions.max} (the plan's course)`);
  if (options.switchAfter !== undefined && !plan.laterIntervalDays)
    throw invalidField('switchAfter', 'the plan has no later interval to switch to');
}
