import { addDays, daysBetween, type IsoDate } from '../dates/iso-date.js';
import { intervalBefore, type CourseSpacing } from './course-spacing.js';

/** The interval a session keeps after the one before it, and whether it does. */
export interface IntervalWindow {
  /** The allowed days after the previous session, both ends included. */
  minDays: number;
  maxDays: number;
  /** The local dates those days give, counted from the previous session's date. */
  from: IsoDate;
  to: IsoDate;
  /** Days after the previous session as placed. */
  days: number;
  kept: boolean;
}

/**
 * Each session's interval window given the local dates of the whole course in order (null for the
 * first session): what a re-flow preview shows beside every session that moves or stays.
 */
export function intervalWindows(spacing: CourseSpacing, dates: readonly IsoDate[]): (IntervalWindow | null)[] {
  return dates.map((date, i) => {
    const previous = dates[i - 1];
    if (previous === undefined) return null;
    const gap = intervalBefore(spacing, i + 1);
    const days = daysBetween(previous, date);
    return {
      minDays: gap.min,
      maxDays: gap.max,
      from: addDays(previous, gap.min),
      to: addDays(previous, gap.max),
      days,
      kept: days >= gap.min && days <= gap.max,
    };
  });
}
