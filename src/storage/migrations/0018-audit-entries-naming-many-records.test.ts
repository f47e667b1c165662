import { CompiledQuery, createQueryId, sql, type KyselyPlugin, type RootOperationNode } from 'kysely';
import { describe, expect, it } from 'vitest';
import { testEngines } from '../../test-support/test-databases.js';
import { createRepositories } from '../repositories/repositories.js';

describe.each(testEngines)('0018-audit-entries-naming-many-records [$engine]', (testEngine) => {
  it("finds a patient's entries through indexes: patient_id, and the word index of many-patient entries", async () => {
    const { db, destroy } = await testEngine.create();
    try {
      // The repository's own query, caught on its way to the database.
      const queries: RootOperationNode[] = [];
      const catchQueries: KyselyPlugin = { transformQuery: ({ node }) => (queries.push(node), node), transformResult: async ({ result }) => result };
      await createRepositories(db.withPlugin(catchQueries)).audit.list({ clinicId: 'c', patientId: 'p-1', limit: 50, offset: 0 });
      const [node] = queries;
      if (!node) throw new Error('the repository ran no query');
      const query = db.getExecutor().compileQuery(node, createQueryId());
      const sqlite = testEngine.engine === 'sqlite';
      // Tiny tables would be scanned: with sequential scans off, PostgreSQL's planner shows what the indexes allow.
      if (!sqlite) await sql`set enable_seqscan = off`.execute(db);
      const { rows } = await db.executeQuery<Record<string, string>>(CompiledQuery.raw(`${sqlite ? 'explain query plan' : 'explain'} ${query.sql}`, [...query.parameters]));
      const plan = rows.map((r) => (sqlite ? r.detail : r['QUERY PLAN'])).join('\n');

      expect(plan).toMatch(/audit_log_patient_id_at_idx/);
      expect(plan).toMatch(sqlite ? /audit_log_patients VIRTUAL TABLE INDEX/ : /audit_log_patient_ids_idx/);
      expect(plan).not.toMatch(sqlite ? /SCAN audit_log$/m : /Seq Scan on audit_log/);
      // SQLite, without statistics, must still start from the patient's entries, not the clinic's log.
      if (sqlite) expect(plan).not.toMatch(/audit_log_clinic_id_at_idx/);
    } finally {
      await destroy();
    }
  });
});
