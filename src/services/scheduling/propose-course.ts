import { laterDate, type IsoDate } from '../../core/dates/iso-date.js';
import {
  DEFAULT_HORIZON_DAYS,
  type CoursePlan,
  type PatientPreferences,
} from '../../core/scheduling/course-request.js';
import type { CourseResult } from '../../core/scheduling/course-result.js';
import { findCourse } from '../../core/scheduling/find-course.js';
import type { LocationRecord } from '../../core/records/index.js';
import type { Repositories } from '../../storage/repositories/repositories.js';
import { assertDateWithinBookingWindow } from './booking-window.js';
import { checkAgainstPlan } from './check-against-plan.js';
import { callCore } from './core-call.js';
import { loadScheduleInput } from './load-schedule.js';

const dayMs = 86_400_000;

export interface FinderOptions {
  sessions?: number;
  switchAfter?: number;
  earliestStart?: IsoDate;
  horizonDays?: number;
  preferences?: PatientPreferences;
}

/**
 * Proposes the earliest whole course at a location (findCourse), or explains why none fits and
 * offers alternatives. `earliestStart` is the later of the assessment's and the request's.
 */
export async function proposeCourse(
  repos: Repositories,
  input: { location: LocationRecord; plan: CoursePlan; now: string; assessmentStart?: IsoDate; options: FinderOptions },
): Promise<{ result: CourseResult; earliestStart: IsoDate | undefined }> {
  const { location, plan, now, options } = input;
  checkAgainstPlan(plan, options);
  const nowMs = Date.parse(now);
  if (options.earliestStart !== undefined) assertDateWithinBookingWindow('earliestStart', options.earliestStart, nowMs);
  const earliestStart = laterDate(input.assessmentStart, options.earliestStart);
  const horizonDays = options.horizonDays ?? DEFAULT_HORIZON_DAYS;
  // The search covers local days from the later of today and earliestStart; zones are within a day of UTC.
  const fromMs = Math.max(
    nowMs,
    earliestStart === undefined ? nowMs : Date.parse(`${earliestStart}T00:00:00Z`) - dayMs,
  );
  const schedule = await loadScheduleInput(repos, location, { fromMs, toMs: fromMs + (horizonDays + 2) * dayMs });
  const result = callCore(() =>
    findCourse({
      schedule,
      plan,
      now,
      horizonDays,
      ...(options.sessions === undefined ? {} : { sessions: options.sessions }),
      ...(options.switchAfter === undefined ? {} : { switchAfter: options.switchAfter }),
      ...(earliestStart === undefined ? {} : { earliestStart }),
      ...(options.preferences ? { preferences: options.preferences } : {}),
    }),
  );
  return { result, earliestStart };
}
