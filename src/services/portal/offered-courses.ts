import type { Plan } from '../../core/assessment/assessment-result.js';
import { addDays, type IsoDate } from '../../core/dates/iso-date.js';
import type { LocationRecord } from '../../core/records/index.js';
import type { ProposedCourse, ScheduledSession } from '../../core/scheduling/course-result.js';
import type { Repositories } from '../../storage/repositories/repositories.js';
import { proposeCourse, type FinderOptions } from '../scheduling/propose-course.js';
import { PlanNames } from './plan-names.js';

/** Later starts offered beside the earliest course, each from the day after the one before. */
const laterOffers = 2;

export interface OfferedSession extends ScheduledSession {
  practitionerName: string;
  roomName: string;
}

export interface OfferedCourse {
  label: 'earliest' | 'later' | 'alternative';
  /** The patient's wishes given up to find it (an alternative); empty otherwise. */
  relaxed: string[];
  sessions: OfferedSession[];
}

export interface OfferedCourses {
  status: 'found' | 'not_found';
  courses: OfferedCourse[];
  explanation: { code: string; message: string }[];
  timeZone: string;
}

/**
 * The courses a patient may choose from: the course finder's earliest one (every interval of the
 * plan kept, inside opening and working hours, clear of other bookings), and a few that start
 * later; when none fits, the finder's reasons and any alternative that gives up a wish (never an
 * interval). `notBefore` is now plus the notice period: nothing sooner is offered online.
 */
export async function offeredCourses(
  repos: Repositories,
  input: { location: LocationRecord; plan: Plan; notBefore: string; requestDate: IsoDate; options: FinderOptions },
): Promise<OfferedCourses> {
  const { location, plan, notBefore, requestDate, options } = input;
  const find = (earliestStart?: IsoDate) =>
    proposeCourse(repos, {
      location,
      plan,
      now: notBefore,
      assessmentStart: requestDate,
      options: earliestStart === undefined ? options : { ...options, earliestStart },
    });
  const names = new PlanNames(repos);
  const named = async (course: ProposedCourse): Promise<OfferedSession[]> =>
    Promise.all(
      course.sessions.map(async (s) => ({
        ...s,
        practitionerName: (await names.practitioner(s.practitionerId)) ?? '',
        roomName: (await names.room(s.roomId)) ?? '',
      })),
    );

  const { result } = await find();
  if (result.status === 'not_found')
    return {
      status: 'not_found',
      courses: await Promise.all(
        result.alternatives.map(async (a) => ({
          label: 'alternative' as const,
          relaxed: [...a.relaxed],
          sessions: await named(a.course),
        })),
      ),
      explanation: result.explanation.map((p) => ({ code: p.code, message: p.message })),
      timeZone: location.timeZone,
    };

  const courses: OfferedCourse[] = [{ label: 'earliest', relaxed: [], sessions: await named(result.course) }];
  let last = result.course;
  for (let i = 0; i < laterOffers; i++) {
    const later = (await find(addDays(last.firstDate, 1))).result;
    if (later.status !== 'found') break;
    courses.push({ label: 'later', relaxed: [], sessions: await named(later.course) });
    last = later.course;
  }
  return { status: 'found', courses, explanation: [], timeZone: location.timeZone };
}
