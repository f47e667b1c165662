import type { CourseRequest } from './course-request.js';
import type { CourseAlternative, CourseResult, Relaxation, ScheduleProblem } from './course-result.js';
import { searchAnyPractitioner, searchOnePractitioner, type SearchOutcome } from './course-search.js';
import { DayOracle } from './day-oracle.js';
import type { SlotCriteria } from './day-slots.js';
import { explainNoFit } from './explain-no-fit.js';
import { resolveCourseRequest, type ResolvedCourseRequest } from './resolve-course-request.js';
import { toProposedCourse } from './to-proposed-course.js';

const relaxationNames: Record<Relaxation, string> = {
  practitioner: 'another practitioner',
  time_of_day: 'other times of day',
  weekdays: 'other weekdays',
};

/** Every non-empty combination of the preferences that could be given up, fewest first. */
function relaxations(r: ResolvedCourseRequest): Relaxation[][] {
  const items: Relaxation[] = [];
  if (r.preferred !== undefined) items.push('practitioner');
  if (r.prefs.windows) items.push('time_of_day');
  if (r.prefs.weekdays) items.push('weekdays');
  const out: Relaxation[][] = [];
  for (let mask = 1; mask < 1 << items.length; mask++) out.push(items.filter((_, i) => mask & (1 << i)));
  return out.sort((a, b) => a.length - b.length);
}

/**
 * The earliest whole course that keeps every interval window, working hours, time off, rooms,
 * existing bookings and the patient's preferences. When none fits, explains why and offers
 * alternatives that each give up named preferences. Pure: the current time comes in as `now`.
 * Throws RangeError on malformed input (see resolveCourseRequest and prepareSchedule).
 */
export function findCourse(request: CourseRequest): CourseResult {
  const r = resolveCourseRequest(request);
  const { schedule, gaps, searched, prefs, preferred } = r;
  const everyone = schedule.practitioners.map((_, i) => i);

  // Oracles remember day answers; giving up only the practitioner reuses the first one's.
  const oracles = new Map<string, DayOracle>();
  const oracleFor = (relaxed: ReadonlySet<Relaxation>) => {
    const key = `${relaxed.has('time_of_day')}${relaxed.has('weekdays')}`;
    let oracle = oracles.get(key);
    if (!oracle) {
      const criteria: SlotCriteria = { lengthMs: r.sessionMinutes * 60_000, gridMs: r.gridMs, notBeforeMs: r.nowMs };
      if (prefs.weekdays && !relaxed.has('weekdays')) criteria.weekdays = prefs.weekdays;
      if (prefs.windows && !relaxed.has('time_of_day')) criteria.windows = prefs.windows;
      oracle = new DayOracle(schedule, criteria, r.startDay, r.endDay);
      oracles.set(key, oracle);
    }
    return oracle;
  };
  const attempt = (relaxed: ReadonlySet<Relaxation>): SearchOutcome => {
    const oracle = oracleFor(relaxed);
    if (preferred !== undefined && !relaxed.has('practitioner'))
      return preferred < 0 ? {} : searchOnePractitioner(oracle, preferred, gaps);
    return searchAnyPractitioner(oracle, everyone, gaps);
  };

  const shortest = gaps.reduce((sum, g) => sum + g.min, 0);
  if (shortest > r.endDay - r.startDay) {
    const message = `A ${r.sessions}-session course needs at least ${shortest} days from first to last session, more than the ${r.horizonDays}-day search horizon (${searched.from} to ${searched.to}).`;
    return {
      status: 'not_found',
      explanation: [{ code: 'horizon_exceeded', message, from: searched.from, to: searched.to }],
      alternatives: [],
      searched,
    };
  }

  const first = attempt(new Set());
  if ('sessions' in first)
    return { status: 'found', course: toProposedCourse(schedule, first.sessions, r.sessionMinutes), searched };

  const label = (i: number) => schedule.practitioners[i]!.name ?? schedule.practitioners[i]!.id;
  let explanation: ScheduleProblem[];
  if (preferred !== undefined && preferred < 0) {
    const id = prefs.practitionerId!;
    explanation = [
      {
        code: 'practitioner_unavailable',
        message: `Practitioner ${id} does not work at ${schedule.input.location.id}.`,
        practitionerId: id,
      },
    ];
  } else {
    explanation = explainNoFit({
      oracle: oracleFor(new Set()),
      candidates: preferred === undefined ? everyone : [preferred],
      ...(preferred === undefined ? {} : { practitioner: { id: prefs.practitionerId!, label: label(preferred) } }),
      gaps,
      ...(first.failure ? { failure: first.failure } : {}),
      sessionMinutes: r.sessionMinutes,
      hasPreferences: Boolean(prefs.weekdays || prefs.windows),
    });
  }

  const alternatives: CourseAlternative[] = [];
  for (const relaxed of relaxations(r)) {
    const outcome = attempt(new Set(relaxed));
    if (!('sessions' in outcome)) continue;
    const course = toProposedCourse(schedule, outcome.sessions, r.sessionMinutes);
    // A course found with fewer preferences given up is already listed under that label.
    if (
      alternatives.some((a) =>
        a.course.sessions.every(
          (s, i) => s.start === course.sessions[i]?.start && s.practitionerId === course.sessions[i]?.practitionerId,
        ),
      )
    )
      continue;
    const start = course.sessions[0]!;
    const who = course.practitionerIds.map((id) => label(schedule.practitionerIndex(id))).join(', ');
    alternatives.push({
      relaxed,
      message: `With ${relaxed.map((x) => relaxationNames[x]).join(' and ')}: ${r.sessions} sessions from ${start.localDate} at ${start.localStart} to ${course.lastDate}, with ${who}.`,
      course,
    });
  }
  return { status: 'not_found', explanation, alternatives, searched };
}
