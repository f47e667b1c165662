/** When a symptom began, as hours after the session: the earliest and latest the report allows. */
export interface OnsetWindow {
  earliestHours: number;
  latestHours: number;
}

const DAY_HOURS = 24;

/**
 * A patient's "it started N days after the session" may count calendar days or whole 24-hour periods
 * ("the next day" can be six hours after an evening session), so N days reads as anywhere from
 * (N - 1) x 24 to (N + 1) x 24 hours after the session, never before it nor after `elapsedHours`.
 * The triage takes whichever end errs toward the patient: the latest for "did it start late?", the
 * earliest for "how long has it lasted?".
 */
export function onsetFromDays(days: number, elapsedHours: number): OnsetWindow {
  const latest = Math.min((days + 1) * DAY_HOURS, Math.max(elapsedHours, 0));
  const earliest = Math.min(Math.max(0, (days - 1) * DAY_HOURS), latest);
  return { earliestHours: earliest, latestHours: latest };
}

/** An exact onset instant: both ends the same. */
export function onsetFromHours(hours: number): OnsetWindow {
  return { earliestHours: hours, latestHours: hours };
}

/**
 * The most days after the session a patient can truthfully give for an onset by now: the whole days
 * elapsed, plus one for a calendar day already begun.
 */
export function latestOnsetDay(elapsedHours: number): number {
  return Math.floor(Math.max(elapsedHours, 0) / DAY_HOURS) + 1;
}
