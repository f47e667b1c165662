import type { IsoDate } from './iso-date.js';

/** Nobody living was born before: an earlier date is a typo (a year of 0990, say). */
export const earliestBirthDate: IsoDate = '1900-01-01';

/**
 * What is wrong with a birth date (`YYYY-MM-DD`, already checked as one) on `today`, or undefined
 * when it lies between 1900-01-01 and today. The caller says which day today is: the core has no clock.
 * ISO dates compare as text like the days they name.
 */
export function birthDateProblem(date: IsoDate, today: IsoDate): string | undefined {
  if (date < earliestBirthDate) return `must be ${earliestBirthDate} or later`;
  if (date > today) return 'must not be in the future';
  return undefined;
}
