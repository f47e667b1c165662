import { describe, expect, it } from 'vitest';
import { queryPlan } from '../../test-support/recorded-queries.js';
import { testEngines } from '../../test-support/test-databases.js';
import { engineOf } from '../create-database.js';
import { dashboardRowPanels } from '../repositories/dashboard-row-panels.js';
import { withIndexPlans } from './test-support/index-plans.js';

/**
 * Each dashboard panel reads an index range of the window, never a whole table: at a million
 * patients a year of sessions is a few hundred thousand rows out of millions.
 */
describe.each(testEngines)('0033-dashboard-indexes [$engine]', (testEngine) => {
  it('reads sessions, completed courses, reports and payments by their index, within the window', () =>
    withIndexPlans(testEngine, async (db, recorded) => {
      // The panels as counted from the rows (a year is read from the counters of 0034; the rows still
      // answer the partial days at a window's edges).
      const panels = dashboardRowPanels(recorded.db, engineOf(db) === 'postgres');
      const query = {
        clinicId: 'c',
        from: '2026-03-01T23:00:00.000Z',
        to: '2026-04-01T22:00:00.000Z',
        offsets: [
          { until: '2026-03-29T01:00:00.000Z', offsetMinutes: 60 },
          { until: '2026-04-01T22:00:00.000Z', offsetMinutes: 120 },
        ],
      };
      const plans: Record<string, string> = {};
      const planOf = async (name: string, run: () => Promise<unknown>) => {
        const before = recorded.queries.length;
        await run();
        const compiled = recorded.queries[before];
        if (!compiled) throw new Error(`${name} ran no query`);
        plans[name] = (await queryPlan(db, testEngine.engine, compiled)).join('\n');
      };
      await planOf('sessions', () => panels.sessionsByDay(query));
      await planOf('booked', () => panels.bookedTime(query, 60));
      await planOf('courses', () => panels.coursesCompletedByDay(query));
      await planOf('sideEffects', () => panels.sideEffectsByLevel(query));
      await planOf('takings', () => panels.takingsByDay(query));

      for (const name of ['sessions', 'booked']) {
        // SQLite, without statistics, takes the covering index; PostgreSQL's choice between it and the
        // schedule's (both a range of the window) rests on statistics empty tables do not have: its plan
        // at a million patients is in bench/RESULTS.md.
        expect(plans[name], name).toMatch(
          testEngine.engine === 'sqlite'
            ? /SEARCH s USING COVERING INDEX treatment_sessions_dashboard_idx \(location_id=\? AND scheduled_at>\? AND scheduled_at<\?\)/
            : /Index (Only )?Scan using treatment_sessions_(dashboard|schedule_order)_idx/,
        );
        expect(plans[name], name).not.toMatch(/SCAN (s|treatment_sessions)\b(?! USING)|Seq Scan on treatment_sessions/);
      }
      // Reports, courses and the sessions booked without a location are tied to the clinic per row
      // found, never by reading the clinic's patients first (which is every patient).
      // PostgreSQL asks it as a subplan per row; which index that probe takes in empty tables says
      // nothing (the plan at a million patients is in bench/RESULTS.md).
      expect(Object.values(plans).join('\n')).not.toMatch(/Seq Scan on patients|Hash.*\n.*patients/);
      if (testEngine.engine === 'sqlite') {
        expect(Object.values(plans).join('\n')).not.toMatch(/patients_clinic_id_idx/);
        expect(plans.courses).toMatch(/SEARCH p EXISTS USING COVERING INDEX patients_id_clinic_idx/);
      } else expect(plans.courses).toMatch(/SubPlan/);
      expect(plans.courses).toMatch(/courses_status_updated_idx/);
      expect(plans.sideEffects).toMatch(/side_effect_reports_created_idx/);
      expect(plans.takings).toMatch(/payments_takings_idx/);
      // The index the dashboard's replaces is gone.
      expect(Object.values(plans).join('\n')).not.toMatch(/treatment_sessions_location_id_idx/);
    }));
});
