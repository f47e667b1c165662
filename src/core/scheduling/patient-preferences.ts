import type { Weekday } from './availability.js';
import type { PatientPreferences } from './course-request.js';
import { parseSpans, type MinuteSpan } from './wall-clock.js';

export function wholeNumber(value: number, min: number, max: number, what: string): number {
  if (!Number.isInteger(value) || value < min || value > max)
    throw new RangeError(`${what} must be a whole number in ${min}..${max}, got ${value}`);
  return value;
}

/** Preferences validated and in search form; an empty list means no preference, not "never". */
export interface NormalizedPreferences {
  weekdays?: ReadonlySet<Weekday>;
  windows?: readonly MinuteSpan[];
  practitionerId?: string;
}

export function normalizePreferences(prefs: PatientPreferences | undefined): NormalizedPreferences {
  const out: NormalizedPreferences = {};
  if (prefs?.weekdays?.length) {
    for (const d of prefs.weekdays) wholeNumber(d, 1, 7, 'preferred weekday');
    out.weekdays = new Set(prefs.weekdays);
  }
  if (prefs?.timesOfDay?.length) out.windows = parseSpans(prefs.timesOfDay, 'preferred times of day');
  if (prefs?.practitionerId !== undefined) out.practitionerId = prefs.practitionerId;
  return out;
}
