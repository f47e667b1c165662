import type { AssessmentResult } from '../assessment/assessment-result.js';
import { laterDate, type IsoDate } from '../dates/iso-date.js';

export type CourseStart =
  | { schedulable: true; earliestStart?: IsoDate }
  | { schedulable: false; reason: 'contraindicated' | 'no_plan' | 'deferred_without_date'; message: string };

/**
 * Whether an assessment allows booking a course and from which date: a deferral may start on the
 * latest `until` of its temporary reasons (each must have passed). A deferral reason without a date
 * cannot be scheduled around, so it is reported rather than guessed.
 */
export function courseStartFromAssessment(result: Pick<AssessmentResult, 'verdict' | 'reasons' | 'plan'>): CourseStart {
  if (result.verdict === 'contraindicated')
    return {
      schedulable: false,
      reason: 'contraindicated',
      message: 'The assessment found a contraindication; no course can be booked.',
    };
  if (!result.plan)
    return { schedulable: false, reason: 'no_plan', message: 'The assessment has no treatment plan to schedule.' };
  if (result.verdict !== 'defer') return { schedulable: true };
  let earliest: IsoDate | undefined;
  for (const reason of result.reasons) {
    if (reason.kind !== 'temporary') continue;
    if (reason.until === undefined) {
      return {
        schedulable: false,
        reason: 'deferred_without_date',
        message: `Deferred (${reason.code}) without a date to wait for; reassess before booking.`,
      };
    }
    earliest = laterDate(earliest, reason.until);
  }
  return earliest === undefined ? { schedulable: true } : { schedulable: true, earliestStart: earliest };
}
