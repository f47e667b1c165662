import {
  attributedPractitioner,
  clinicResults,
  seriesInWindow,
  type ClinicResults,
  type CourseOutcomes,
  type DateWindow,
} from '../../core/outcomes/clinic-results.js';
import { courseSeries } from '../../core/outcomes/outcome-series.js';
import { addDays } from '../../core/dates/iso-date.js';
import { groupBy } from '../../core/group-by.js';
import type { Repositories } from '../../storage/repositories/repositories.js';

export interface NamedClinicResults extends ClinicResults {
  window: DateWindow;
  /** Display names of the practitioners and products the groups name, by id. */
  names: Map<string, string>;
}

/**
 * The clinic's results over a window of its calendar days. Values are read a day beyond the window
 * on each side (no zone is further than that from UTC), then each series is kept or left by the day
 * of its latest value where the clinic is.
 */
export async function clinicOutcomeResults(
  repos: Repositories,
  clinicId: string,
  window: DateWindow,
  now: Date,
): Promise<NamedClinicResults> {
  const values = await repos.outcomeMeasures.listForClinic(
    clinicId,
    `${addDays(window.from, -1)}T00:00:00.000Z`,
    `${addDays(window.to, 2)}T00:00:00.000Z`,
  );
  const byCourse = groupBy(values, (v) => v.courseId);
  const facts = new Map(
    (await repos.outcomeMeasures.courseResultFacts([...byCourse.keys()], now.toISOString())).map((f) => [
      f.courseId,
      f,
    ]),
  );
  const courses: CourseOutcomes[] = [...byCourse].map(([courseId, courseValues]) => {
    const fact = facts.get(courseId);
    return {
      courseId,
      indication: courseValues[0]!.indication,
      practitionerId: attributedPractitioner(fact?.heldSessions ?? []),
      productIds: fact?.productIds ?? [],
      series: courseSeries(courseValues).filter((series) => seriesInWindow(series, window)),
    };
  });
  const results = clinicResults(courses);
  const names = new Map<string, string>();
  for (const group of results.byPractitioner)
    if (group.key) {
      const user = await repos.users.findById(group.key);
      if (user) names.set(group.key, user.displayName);
    }
  for (const product of await repos.products.listProducts(clinicId)) names.set(product.id, product.name);
  return { ...results, window, names };
}
