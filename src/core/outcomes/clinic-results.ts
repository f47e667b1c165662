import { localDate } from '../dates/local-date.js';
import { measureCodes, raters, type MeasureCode, type Rater } from './outcome-measures.js';
import { roundTo, type MeasureSeries } from './outcome-series.js';

/** One course's series with what its results are counted under. */
export interface CourseOutcomes {
  courseId: string;
  indication: string;
  /** See `attributedPractitioner`; null when no held session names one. */
  practitionerId: string | null;
  /** Every product charted in the course's sessions: a course counts for each. */
  productIds: readonly string[];
  series: readonly MeasureSeries[];
}

/** One measure by one rater over a group of courses. */
export interface MeasureResult {
  measure: MeasureCode;
  rater: Rater;
  /** Series with a result: a rating, or a baseline and a value after a session. */
  results: number;
  /** Distinct courses among them (a circumference taken at two sites is two series of one course). */
  courses: number;
  improved: number;
  /** improved / results; null without results. */
  shareImproved: number | null;
  /** Mean of latest - baseline, for measures compared with a baseline; null for ratings or without results. */
  meanChange: number | null;
  /** Mean of the latest values (for a rating scale, the mean rating); null without results. */
  meanLatest: number | null;
  /** Series with a baseline and nothing after a session yet. */
  awaiting: number;
}

export interface ResultGroup {
  /** The indication, practitioner or product id; null for courses with no practitioner named. */
  key: string | null;
  /** Courses in the group with at least one series. */
  courses: number;
  measures: MeasureResult[];
}

export interface ClinicResults {
  byIndication: ResultGroup[];
  byPractitioner: ResultGroup[];
  byProduct: ResultGroup[];
}

export interface HeldSession {
  practitionerId: string | null;
  scheduledAt: string;
}

/**
 * The practitioner a course's results are counted under: whoever held most of its sessions, the one
 * who held the latest of them on a tie (the practitioner who saw the result). Null with no one named.
 */
export function attributedPractitioner(sessions: readonly HeldSession[]): string | null {
  const tally = new Map<string, { count: number; latest: string }>();
  for (const { practitionerId, scheduledAt } of sessions) {
    if (practitionerId === null) continue;
    const seen = tally.get(practitionerId) ?? { count: 0, latest: '' };
    tally.set(practitionerId, {
      count: seen.count + 1,
      latest: scheduledAt > seen.latest ? scheduledAt : seen.latest,
    });
  }
  let best: { id: string; count: number; latest: string } | null = null;
  for (const [id, { count, latest }] of tally)
    if (!best || count > best.count || (count === best.count && latest > best.latest)) best = { id, count, latest };
  return best?.id ?? null;
}

export interface DateWindow {
  /** First and last calendar day counted (YYYY-MM-DD, both included), in `timeZone`. */
  from: string;
  to: string;
  timeZone: string;
}

/**
 * Whether the series belongs to the window: its latest value (after a session, or the baseline while
 * nothing follows it) was recorded on a day within it.
 */
export function seriesInWindow(series: MeasureSeries, window: DateWindow): boolean {
  const last = series.latest ?? series.points[0];
  if (!last) return false;
  const day = localDate(last.recordedAt, window.timeZone);
  return day >= window.from && day <= window.to;
}

const mean = (values: readonly number[], decimals: number) =>
  values.length === 0 ? null : roundTo(values.reduce((sum, v) => sum + v, 0) / values.length, decimals);

function measureResults(courses: readonly CourseOutcomes[]): MeasureResult[] {
  const entries = courses.flatMap((course) => course.series.map((series) => ({ courseId: course.courseId, series })));
  const results: MeasureResult[] = [];
  for (const measure of measureCodes)
    for (const rater of raters) {
      const mine = entries.filter((e) => e.series.measure === measure && e.series.rater === rater);
      if (mine.length === 0) continue;
      const judged = mine.filter((e) => e.series.improved !== null);
      const improved = judged.filter((e) => e.series.improved).length;
      const changes = judged.flatMap((e) => (e.series.change === null ? [] : [e.series.change]));
      results.push({
        measure,
        rater,
        results: judged.length,
        courses: new Set(judged.map((e) => e.courseId)).size,
        improved,
        shareImproved: judged.length === 0 ? null : roundTo(improved / judged.length, 3),
        meanChange: mean(changes, 2),
        meanLatest: mean(
          judged.map((e) => e.series.latest!.value),
          2,
        ),
        awaiting: mine.filter((e) => e.series.improved === null && e.series.latest === null).length,
      });
    }
  return results;
}

function groups(courses: readonly CourseOutcomes[], keysOf: (course: CourseOutcomes) => readonly (string | null)[]) {
  const members = new Map<string | null, CourseOutcomes[]>();
  for (const course of courses) {
    if (course.series.length === 0) continue;
    for (const key of new Set(keysOf(course))) members.set(key, [...(members.get(key) ?? []), course]);
  }
  return [...members]
    .map(([key, list]): ResultGroup => ({ key, courses: list.length, measures: measureResults(list) }))
    .sort((a, b) => b.courses - a.courses || (a.key ?? '\uffff').localeCompare(b.key ?? '\uffff'));
}

/**
 * The clinic's results per indication, practitioner and product: for each measure and rater, how many
 * courses have a result, the share improved and the mean change. A course counts once per indication
 * and practitioner, and once for every product its sessions used.
 */
export function clinicResults(courses: readonly CourseOutcomes[]): ClinicResults {
  return {
    byIndication: groups(courses, (c) => [c.indication]),
    byPractitioner: groups(courses, (c) => [c.practitionerId]),
    byProduct: groups(courses, (c) => c.productIds),
  };
}
