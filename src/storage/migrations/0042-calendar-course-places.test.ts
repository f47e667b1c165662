import { describe, expect, it } from 'vitest';
import { queryPlan } from '../../test-support/recorded-queries.js';
import { testEngines } from '../../test-support/test-databases.js';
import { kyselyCalendarRepository } from '../repositories/kysely-calendar-repository.js';
import { withIndexPlans } from './test-support/index-plans.js';

/**
 * The calendar's two counts per session (its place in its course, the course's total) read the index
 * of 0042 alone: no session row is fetched for them.
 */
describe.each(testEngines)('0042-calendar-course-places [$engine]', (testEngine) => {
  it("counts a session's place in its course from the index alone", () =>
    withIndexPlans(testEngine, async (db, recorded) => {
      const calendar = kyselyCalendarRepository({ db: recorded.db, now: () => '2026-03-01T00:00:00.000Z' });
      await calendar.sessions({
        clinicId: 'c',
        locationId: 'l',
        from: '2026-03-02T00:00:00.000Z',
        to: '2026-03-09T00:00:00.000Z',
      });
      const compiled = recorded.queries[0];
      if (!compiled) throw new Error('the calendar ran no query');
      const plan = (await queryPlan(db, testEngine.engine, compiled)).join('\n');
      if (testEngine.engine === 'sqlite') {
        const counts = plan.match(/SEARCH o USING [A-Z ]*INDEX \S+/g) ?? [];
        expect(counts.length).toBeGreaterThanOrEqual(2);
        for (const count of counts)
          expect(count).toBe('SEARCH o USING COVERING INDEX treatment_sessions_course_places_idx');
      } else {
        expect(plan).toMatch(/Index Only Scan using treatment_sessions_course_places_idx on treatment_sessions o/);
        expect(plan).not.toMatch(/(Index|Bitmap Heap) Scan (using \S+ )?on treatment_sessions o\b/);
      }
      // The single-column index it replaces is gone.
      expect(plan).not.toMatch(/treatment_sessions_course_id_idx/);
    }));
});
