import type { Range } from '../assessment/assessment-result.js';
import { fromDayNumber, type IsoDate } from '../dates/iso-date.js';
import { intervalBefore, type CourseSpacing } from '../scheduling/course-spacing.js';
import type { ZoneCalendar } from '../scheduling/zone-calendar.js';

/** The local days (inclusive) a session may move to online, as day numbers and dates. */
export interface MoveWindow {
  fromDay: number;
  toDay: number;
  from: IsoDate;
  to: IsoDate;
  /** The interval the window keeps: days after the session before it (or, for the first, around its own day). */
  interval: Range;
}

export interface MoveWindowInput {
  calendar: ZoneCalendar;
  spacing: CourseSpacing;
  /** Starts (epoch ms) of the course's sessions that hold their place (planned or done), in order. */
  starts: readonly number[];
  /** The session to move, 1-based in `starts`. */
  session: number;
  /** No start before this instant (now plus the notice period). */
  notBeforeMs: number;
}

/**
 * Where a patient may move a session online without breaking the course's rhythm. A later session
 * keeps the plan's interval after the one before it (the same window the re-flow checks); the first
 * session has none before it, so it stays within one interval of its booked day, either way. Later
 * sessions then re-flow to keep their own intervals. Undefined when no day is left (the window has
 * passed, or starts after it ends).
 */
export function moveWindow(input: MoveWindowInput): MoveWindow | undefined {
  const { calendar, spacing, starts, session } = input;
  const own = starts[session - 1];
  if (own === undefined) throw new RangeError(`session must be in 1..${starts.length}, got ${session}`);
  let fromDay: number;
  let toDay: number;
  let interval: Range;
  if (session > 1) {
    interval = intervalBefore(spacing, session);
    const previousDay = calendar.dayOf(starts[session - 2]!);
    fromDay = previousDay + interval.min;
    toDay = previousDay + interval.max;
  } else {
    interval = intervalBefore(spacing, 2);
    const ownDay = calendar.dayOf(own);
    fromDay = ownDay - interval.max;
    toDay = ownDay + interval.max;
  }
  fromDay = Math.max(fromDay, calendar.dayOf(input.notBeforeMs));
  if (fromDay > toDay) return undefined;
  return { fromDay, toDay, from: fromDayNumber(fromDay), to: fromDayNumber(toDay), interval };
}
