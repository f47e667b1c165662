import { birthDateProblem } from '../../core/dates/birth-date-range.js';
import { invalidField } from '../http-errors.js';

export { earliestBirthDate } from '../../core/dates/birth-date-range.js';

/**
 * 400 naming `field` unless the birth date (`YYYY-MM-DD`, already checked as one) lies between
 * 1900-01-01 and today, by `now` (the app's clock).
 */
export function assertBirthDate(field: string, date: string, now: Date): void {
  const problem = birthDateProblem(date, now.toISOString().slice(0, 10));
  if (problem) throw invalidField(field, problem);
}
