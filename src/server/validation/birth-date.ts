import { invalidField } from '../http-errors.js';

/** Nobody living was born before: an earlier date is a typo (a year of 0990, say). */
export const earliestBirthDate = '1900-01-01';

/**
 * 400 naming `field` unless the birth date (`YYYY-MM-DD`, already checked as one) lies between
 * 1900-01-01 and today, by `now` (the app's clock). ISO dates compare as text like the days they name.
 */
export function assertBirthDate(field: string, date: string, now: Date): void {
  if (date < earliestBirthDate) throw invalidField(field, `must be ${earliestBirthDate} or later`);
  if (date > now.toISOString().slice(0, 10)) throw invalidField(field, 'must not be in the future');
}
