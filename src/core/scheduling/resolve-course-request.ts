import type { Range } from '../assessment/assessment-result.js';
import { dayNumber, fromDayNumber, isIsoDate, type IsoDate } from '../dates/iso-date.js';
import { DEFAULT_GRANULARITY_MINUTES, DEFAULT_HORIZON_DAYS, type CourseRequest } from './course-request.js';
import { checkSpacing, courseGaps } from './course-spacing.js';
import { parseInstant } from './instant.js';
import { normalizePreferences, wholeNumber, type NormalizedPreferences } from './patient-preferences.js';
import { isPreparedSchedule, prepareSchedule, type PreparedSchedule } from './prepare-schedule.js';
import { sessionLengthMinutes } from './session-length.js';

/** A course request checked and turned into search terms: day numbers, milliseconds, indexes. */
export interface ResolvedCourseRequest {
  schedule: PreparedSchedule;
  sessions: number;
  /** Entry i: allowed days between session i + 1 and session i + 2. */
  gaps: Range[];
  sessionMinutes: number;
  gridMs: number;
  nowMs: number;
  horizonDays: number;
  startDay: number;
  endDay: number;
  searched: { from: IsoDate; to: IsoDate };
  prefs: NormalizedPreferences;
  /** Schedule index of the preferred practitioner, -1 when not at this location, undefined for anyone. */
  preferred?: number;
}

/** Throws RangeError on a request no clinic could satisfy as asked (bad counts, dates, ranges). */
export function resolveCourseRequest(request: CourseRequest): ResolvedCourseRequest {
  const schedule = isPreparedSchedule(request.schedule) ? request.schedule : prepareSchedule(request.schedule);
  const { plan } = request;
  wholeNumber(plan.sessions.min, 1, 100, 'plan.sessions.min');
  wholeNumber(plan.sessions.max, plan.sessions.min, 100, 'plan.sessions.max');
  const sessions = wholeNumber(
    request.sessions ?? plan.sessions.min,
    plan.sessions.min,
    plan.sessions.max,
    'sessions (within the plan)',
  );
  const spacing = {
    intervalDays: plan.intervalDays,
    laterIntervalDays: plan.laterIntervalDays,
    switchAfter: request.switchAfter,
  };
  checkSpacing(spacing);
  const granularity = wholeNumber(
    request.granularityMinutes ?? DEFAULT_GRANULARITY_MINUTES,
    1,
    1440,
    'granularityMinutes',
  );
  const horizonDays = wholeNumber(request.horizonDays ?? DEFAULT_HORIZON_DAYS, 1, 3660, 'horizonDays');
  const nowMs = parseInstant(request.now);
  let startDay = schedule.calendar.dayOf(nowMs);
  if (request.earliestStart !== undefined) {
    if (!isIsoDate(request.earliestStart))
      throw new RangeError(`earliestStart is not an ISO date: ${request.earliestStart}`);
    startDay = Math.max(startDay, dayNumber(request.earliestStart));
  }
  const endDay = startDay + horizonDays - 1;
  const prefs = normalizePreferences(request.preferences);
  return {
    schedule,
    sessions,
    gaps: courseGaps(spacing, sessions),
    sessionMinutes: sessionLengthMinutes(plan),
    gridMs: granularity * 60_000,
    nowMs,
    horizonDays,
    startDay,
    endDay,
    searched: { from: fromDayNumber(startDay), to: fromDayNumber(endDay) },
    prefs,
    ...(prefs.practitionerId === undefined ? {} : { preferred: schedule.practitionerIndex(prefs.practitionerId) }),
  };
}
