import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { testEngines } from '../../test-support/test-databases.js';

describe.each(testEngines)('0016-listing-order-indexes [$engine]', (testEngine) => {
  it('reads the day’s schedule and the audit log in index order, without sorting', async () => {
    const { db, destroy } = await testEngine.create();
    try {
      const explain = async (query: string) => {
        if (testEngine.engine === 'sqlite')
          return (await sql.raw<{ detail: string }>(`explain query plan ${query}`).execute(db)).rows
            .map((r) => r.detail)
            .join('\n');
        // Tiny tables would be scanned: with sequential scans off, the planner shows what the indexes allow.
        await sql`set enable_seqscan = off`.execute(db);
        return (await sql.raw<{ 'QUERY PLAN': string }>(`explain ${query}`).execute(db)).rows
          .map((r) => r['QUERY PLAN'])
          .join('\n');
      };
      const sorted = testEngine.engine === 'sqlite' ? /TEMP B-TREE/ : /Sort/;
      const schedule = await explain(
        "select id from treatment_sessions where scheduled_at >= '2027-01-01' and scheduled_at < '2027-01-02' order by scheduled_at, id limit 50",
      );
      expect(schedule).toMatch(/treatment_sessions_schedule_order_idx/);
      expect(schedule).not.toMatch(sorted);
      for (const column of ['clinic_id', 'patient_id', 'user_id']) {
        const audit = await explain(`select * from audit_log where ${column} = 'x' order by at desc, id desc limit 50`);
        expect(audit, column).toMatch(new RegExp(`audit_log_${column}_at_idx`));
        expect(audit, column).not.toMatch(sorted);
      }
      // The single-column indexes they replace are gone (one B-tree fewer per audit entry).
      const audit = await explain(
        "select * from audit_log where clinic_id = 'x' and at >= '2027-01-01' order by at desc, id desc limit 50",
      );
      expect(audit).not.toMatch(/audit_log_at_idx|audit_log_clinic_id_idx\b/);
    } finally {
      await destroy();
    }
  });
});
