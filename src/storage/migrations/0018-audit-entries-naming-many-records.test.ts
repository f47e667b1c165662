import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { queryPlan, recordingQueries } from '../../test-support/recorded-queries.js';
import { testEngines } from '../../test-support/test-databases.js';
import { createRepositories } from '../repositories/repositories.js';

describe.each(testEngines)('0018-audit-entries-naming-many-records [$engine]', (testEngine) => {
  it("finds a patient's entries through indexes: patient_id, and the word index of many-patient entries", async () => {
    const { db, destroy } = await testEngine.create();
    try {
      // The repository's own query, caught on its way to the database.
      const recorded = recordingQueries(db);
      await createRepositories(recorded.db).audit.list({ clinicId: 'c', patientId: 'p-1', limit: 50, offset: 0 });
      // First the records merged into the patient (followed by their index), then the entries.
      const [lookup] = recorded.queries;
      const query = recorded.queries.at(-1);
      if (!query || !lookup || recorded.queries.length !== 2)
        throw new Error('expected the merge lookup, then the entries');
      const sqlite = testEngine.engine === 'sqlite';
      // Tiny tables would be scanned: with sequential scans off, PostgreSQL's planner shows what the indexes allow.
      if (!sqlite) await sql`set enable_seqscan = off`.execute(db);
      const plan = (await queryPlan(db, testEngine.engine, query)).join('\n');

      expect(plan).toMatch(/audit_log_patient_id_at_idx/);
      const lookupPlan = (await queryPlan(db, testEngine.engine, lookup)).join('\n');
      expect(lookupPlan).toMatch(/patients_merged_into_id_idx/);
      if (sqlite) expect(lookupPlan).not.toMatch(/\(clinic_id=\?\)/);
      expect(plan).toMatch(sqlite ? /audit_log_patients VIRTUAL TABLE INDEX/ : /audit_log_patient_ids_idx/);
      expect(plan).not.toMatch(sqlite ? /SCAN audit_log$/m : /Seq Scan on audit_log/);
      // SQLite, without statistics, must still start from the patient's entries, not the clinic's log.
      if (sqlite) expect(plan).not.toMatch(/audit_log_clinic_id_at_idx/);
    } finally {
      await destroy();
    }
  });
});
