import type { IsoDate } from '../dates/iso-date.js';
import type { DayMiss } from './day-slots.js';
import type { InstantString } from './instant.js';
import type { WallTime } from './wall-clock.js';

export interface ScheduledSession {
  /** 1-based position in the course. */
  number: number;
  practitionerId: string;
  roomId: string;
  start: InstantString;
  end: InstantString;
  /** The session in the clinic's zone, for people and for interval checks. */
  localDate: IsoDate;
  localStart: WallTime;
  localEnd: WallTime;
  /** Local calendar days since the previous session; absent for the first. */
  daysAfterPrevious?: number;
}

export interface ProposedCourse {
  sessions: ScheduledSession[];
  /** Distinct practitioners, in order of first appearance. */
  practitionerIds: string[];
  singlePractitioner: boolean;
  sessionMinutes: number;
  firstDate: IsoDate;
  lastDate: IsoDate;
}

/** A patient preference given up to find an alternative. */
export type Relaxation = 'practitioner' | 'time_of_day' | 'weekdays';

export interface CourseAlternative {
  relaxed: Relaxation[];
  message: string;
  course: ProposedCourse;
}

export type ProblemCode =
  | 'practitioner_unavailable'
  | 'no_working_hours_in_window'
  | 'fully_booked'
  | 'no_free_room'
  /** A move into a room someone chose: the room is booked then. */
  | 'room_taken'
  /** A move into a room someone chose: the practitioner does not work in it. */
  | 'room_not_allowed'
  | 'interval_window_blocked'
  | 'horizon_exceeded'
  | 'in_the_past';

/** One reason a course (or a move) does not fit, as data plus a sentence for people. */
export interface ScheduleProblem {
  code: ProblemCode;
  message: string;
  practitionerId?: string;
  /** The session that could not be placed. */
  session?: number;
  /** The local dates concerned, both included. */
  from?: IsoDate;
  to?: IsoDate;
  /** Why the days in from..to were unusable: how many days for each reason. */
  days?: Partial<Record<DayMiss, number>>;
}

export type CourseResult =
  | { status: 'found'; course: ProposedCourse; searched: { from: IsoDate; to: IsoDate } }
  | {
      status: 'not_found';
      explanation: ScheduleProblem[];
      alternatives: CourseAlternative[];
      searched: { from: IsoDate; to: IsoDate };
    };
