import type { Range } from '../assessment/assessment-result.js';
import type { IsoDate } from '../dates/iso-date.js';
import type { ScheduleInput, Weekday } from './availability.js';
import type { InstantString } from './instant.js';
import type { PreparedSchedule } from './prepare-schedule.js';
import type { SessionLengthPlan } from './session-length.js';
import type { WallClockSpan } from './wall-clock.js';

export const DEFAULT_HORIZON_DAYS = 365;
export const DEFAULT_GRANULARITY_MINUTES = 15;

/** The parts of an assessment `Plan` the course finder reads; a whole `Plan` fits. */
export interface CoursePlan extends SessionLengthPlan {
  sessions: Range;
  intervalDays: Range;
  laterIntervalDays?: Range;
}

export interface PatientPreferences {
  /** Days the patient can come; any day when absent or empty. */
  weekdays?: readonly Weekday[];
  /** Local wall-clock windows each whole session must lie in; any time when absent or empty. */
  timesOfDay?: readonly WallClockSpan[];
  /** The practitioner the patient wants for the whole course; anyone when absent. */
  practitionerId?: string;
}

export interface CourseRequest {
  /** Raw schedule (indexed for this call) or one indexed once with `prepareSchedule` and reused. */
  schedule: ScheduleInput | PreparedSchedule;
  plan: CoursePlan;
  /** Sessions to book, within plan.sessions; plan.sessions.min when absent. */
  sessions?: number;
  /** With plan.laterIntervalDays: sessions after the first `switchAfter` use the later interval. */
  switchAfter?: number;
  /** Earliest local date for the first session, e.g. a deferral's `until`. */
  earliestStart?: IsoDate;
  /** The current instant; nothing is booked before it. */
  now: InstantString;
  preferences?: PatientPreferences;
  /** Days searched from the first possible day; every session must fall in them. Default 365. */
  horizonDays?: number;
  /** Slot starts are multiples of this from local midnight. Default 15. */
  granularityMinutes?: number;
}
