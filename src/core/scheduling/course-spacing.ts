import type { Range } from '../assessment/assessment-result.js';

/**
 * Days between consecutive sessions, counted as the difference of their local calendar dates.
 * With `laterIntervalDays` and `switchAfter`, the first `switchAfter` sessions keep `intervalDays`
 * and every session after them follows `laterIntervalDays` (weekly at first, then spaced out).
 */
export interface CourseSpacing {
  intervalDays: Range;
  laterIntervalDays?: Range;
  switchAfter?: number;
}

function checkRange(r: Range, what: string): void {
  // Sessions on the same day would overlap the course with itself; a day apart is the least.
  if (!Number.isInteger(r.min) || !Number.isInteger(r.max) || r.min < 1 || r.max < r.min) {
    throw new RangeError(`${what} must be whole days with 1 <= min <= max, got ${r.min}..${r.max}`);
  }
}

export function checkSpacing(spacing: CourseSpacing): void {
  checkRange(spacing.intervalDays, 'intervalDays');
  if (spacing.laterIntervalDays) checkRange(spacing.laterIntervalDays, 'laterIntervalDays');
  if (spacing.switchAfter !== undefined) {
    if (!Number.isInteger(spacing.switchAfter) || spacing.switchAfter < 1)
      throw new RangeError(`switchAfter must be a whole number >= 1, got ${spacing.switchAfter}`);
    if (!spacing.laterIntervalDays) throw new RangeError('switchAfter needs laterIntervalDays in the plan');
  }
}

/** The allowed days between session `session - 1` and session `session` (sessions numbered from 1). */
export function intervalBefore(spacing: CourseSpacing, session: number): Range {
  const later = spacing.laterIntervalDays;
  return later && spacing.switchAfter !== undefined && session > spacing.switchAfter ? later : spacing.intervalDays;
}

/** Gap ranges for a course of `sessions`: entry i is the interval before session i + 2. */
export function courseGaps(spacing: CourseSpacing, sessions: number): Range[] {
  return Array.from({ length: Math.max(0, sessions - 1) }, (_, i) => intervalBefore(spacing, i + 2));
}
