import type { Intake } from '../../core/assessment/intake-schema.js';
import { earliestBirthDate } from '../../core/dates/birth-date-range.js';
import { bookingWindow, bookingWindowDates } from '../../services/scheduling/booking-window.js';
import { assertBirthDate } from './birth-date.js';
import { assertDateBetween } from './date-window.js';

const why = `from ${earliestBirthDate} to ${bookingWindow.yearsAhead} years ahead`;

/** The rule below in a route's description. */
export const intakeDatesRule = `The birth date must lie from ${earliestBirthDate} to today; the request date and the dates of conditions, last doses and recent procedures ${why} (400 naming the field).`;

/**
 * 400 naming the first field at fault unless every date of an intake is sane: the birth date from
 * 1900-01-01 to today, and the treatment's date and the history's (conditions, last doses, recent
 * procedures) from 1900-01-01 to the booking window's far end, five years ahead: no one plans or
 * remembers beyond either. The contract's own rules (birth before the treatment) come first.
 */
export function assertIntakeDates(intake: Intake, now: Date): void {
  const { patient, request } = intake;
  assertBirthDate('patient.birthDate', patient.birthDate, now);
  const range = { from: earliestBirthDate, to: bookingWindowDates(now).to };
  const dates: [string, string | undefined][] = [
    ['request.date', request.date],
    ...patient.conditions.map((c, i): [string, string | undefined] => [`patient.conditions[${i}].date`, c.date]),
    ...patient.medications.map((m, i): [string, string | undefined] => [
      `patient.medications[${i}].lastDose`,
      m.lastDose,
    ]),
    ...patient.recentProcedures.map((p, i): [string, string | undefined] => [
      `patient.recentProcedures[${i}].date`,
      p.date,
    ]),
  ];
  for (const [field, date] of dates) if (date !== undefined) assertDateBetween(field, date, range, why);
}
