import type { Range } from '../assessment/assessment-result.js';
import { addMonths, isIsoDate, type IsoDate } from '../dates/iso-date.js';

export interface RecallWindow {
  /** First and last local dates to recall the patient for a maintenance session, both included. */
  from: IsoDate;
  to: IsoDate;
  message: string;
}

/**
 * When to recall a patient for maintenance: `intervalMonths` calendar months after the last
 * session. A day missing from the target month (31 August + 6 months) rolls to the 1st of the next
 * month, as everywhere in mesodesk, so the wait is never cut short. Undefined when the plan
 * schedules no maintenance (e.g. cellulite).
 */
export function maintenanceRecall(
  lastSessionDate: IsoDate,
  maintenance: { intervalMonths?: Range },
): RecallWindow | undefined {
  const months = maintenance.intervalMonths;
  if (!months) return undefined;
  if (!isIsoDate(lastSessionDate)) throw new RangeError(`not an ISO date: ${lastSessionDate}`);
  if (!Number.isInteger(months.min) || !Number.isInteger(months.max) || months.min < 0 || months.max < months.min) {
    throw new RangeError(`intervalMonths must be whole months with 0 <= min <= max, got ${months.min}..${months.max}`);
  }
  const from = addMonths(lastSessionDate, months.min);
  const to = addMonths(lastSessionDate, months.max);
  const span = months.min === months.max ? `${months.min}` : `${months.min}-${months.max}`;
  return {
    from,
    to,
    message: `Maintenance session ${span} months after the last session on ${lastSessionDate}: between ${from} and ${to}.`,
  };
}
