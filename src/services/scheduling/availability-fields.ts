import { z } from 'zod';
import { isIsoDate } from '../../core/dates/iso-date.js';
import type { Weekday, WeeklyHours } from '../../core/scheduling/availability.js';

/** Field schemas for working hours, time off and patient time windows, in the core's terms. */

const wallTimePattern = /^(?:(?:[01]\d|2[0-3]):[0-5]\d|24:00)$/;

export const wallTime = z
  .string({ error: 'must be a time of day (HH:MM)' })
  .regex(wallTimePattern, { message: 'must be a time of day from 00:00 to 24:00 (HH:MM)' });

/** A local wall-clock span on one day; spans cannot cross midnight (use 24:00 as the end). */
export const wallSpan = z
  .object({ start: wallTime, end: wallTime }, { error: 'must be { start, end }' })
  .refine((s) => s.end > s.start, { message: 'must end after it starts', path: ['end'] });

const daySpans = z
  .array(wallSpan, { error: 'must be a list of { start, end } spans' })
  .max(12, { message: 'must have at most 12 spans' })
  .optional();

/** ISO weekday (1 = Monday ... 7 = Sunday) → working spans; a missing day is a day off. */
export const weeklyHours = z.strictObject(
  { 1: daySpans, 2: daySpans, 3: daySpans, 4: daySpans, 5: daySpans, 6: daySpans, 7: daySpans },
  { error: 'must map weekdays "1" (Monday) to "7" (Sunday) to lists of spans' },
);

/** Drops absent days, giving the core's `WeeklyHours`. */
export function toWeeklyHours(hours: z.output<typeof weeklyHours>): WeeklyHours {
  const out: WeeklyHours = {};
  for (const day of [1, 2, 3, 4, 5, 6, 7] as const) {
    const spans = hours[day];
    if (spans) out[day] = spans;
  }
  return out;
}

/** A local date and time without zone, "2026-12-24T13:00", read in the location's zone. */
export const localDateTime = z
  .string({ error: 'must be a local date and time (YYYY-MM-DDTHH:MM)' })
  .refine((s) => /^\d{4}-\d{2}-\d{2}T(?:[01]\d|2[0-3]):[0-5]\d$/.test(s) && isIsoDate(s.slice(0, 10)), {
    message: 'must be a local date and time (YYYY-MM-DDTHH:MM), without a zone',
  });

export const weekday = z
  .number({ error: 'must be a weekday number 1-7' })
  .int({ message: 'must be a weekday number 1-7' })
  .min(1, { message: 'must be a weekday number 1-7' })
  .max(7, { message: 'must be a weekday number 1-7' })
  .transform((n) => n as Weekday);

/** What a patient can do: weekdays and local time windows (any, when absent or empty). */
export const timePreferences = {
  weekdays: z
    .array(weekday, { error: 'must be a list of weekday numbers 1-7' })
    .max(7, { message: 'must list at most 7 days' })
    .optional(),
  timesOfDay: z
    .array(wallSpan, { error: 'must be a list of { start, end } spans' })
    .max(12, { message: 'must have at most 12 spans' })
    .optional(),
};
