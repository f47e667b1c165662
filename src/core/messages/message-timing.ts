import type { FieldProblem } from '../assessment/parse-intake.js';

/**
 * When a clinic's session messages go out. The clinical timing has the last word: a preparation
 * reminder never goes out later than the plan's preparation window opens (a clinic may only send it
 * earlier), and aftercare is sent within a day of the session.
 */
export interface MessageTiming {
  /** Hours before the session for the preparation reminder; null: when the plan's window opens. */
  preparationHoursBefore: number | null;
  /** Hours before the session for the reminder; null: the same local clock time the day before. */
  reminderHoursBefore: number | null;
  /** Hours after the session's end for the aftercare message. */
  aftercareHoursAfter: number;
  /** Hours after the session's end for the check-in. */
  checkInHoursAfter: number;
}

/** The timing every clinic has until it sets its own. */
export const defaultMessageTiming: Readonly<MessageTiming> = {
  preparationHoursBefore: null,
  reminderHoursBefore: null,
  aftercareHoursAfter: 0,
  checkInHoursAfter: 48,
};

/** The bounds of each setting, in whole hours. */
export const timingLimits = {
  preparationHoursBefore: { min: 1, max: 720 },
  reminderHoursBefore: { min: 1, max: 168 },
  aftercareHoursAfter: { min: 0, max: 24 },
  checkInHoursAfter: { min: 1, max: 720 },
} as const satisfies Record<keyof MessageTiming, { min: number; max: number }>;

/** Rules between the settings, which one field's bounds cannot say. */
export function timingProblems(timing: MessageTiming): FieldProblem[] {
  return timing.checkInHoursAfter > timing.aftercareHoursAfter
    ? []
    : [
        {
          field: 'checkInHoursAfter',
          message: 'must be later than aftercareHoursAfter: the check-in follows the aftercare',
        },
      ];
}
