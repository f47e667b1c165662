import { sql } from 'kysely';
import type { Db } from '../../create-database.js';
import { recordingQueries } from '../../../test-support/recorded-queries.js';
import type { TestEngine } from '../../../test-support/test-databases.js';

/**
 * Runs `body` on a new, migrated database of `testEngine`, with `recorded` to run the queries whose
 * plans a test reads. The database is dropped afterwards.
 */
export async function withIndexPlans(
  testEngine: TestEngine,
  body: (db: Db, recorded: ReturnType<typeof recordingQueries>) => Promise<void>,
): Promise<void> {
  const { db, destroy } = await testEngine.create();
  try {
    // Tiny tables would be scanned: with sequential scans off, the planner shows what the indexes allow.
    if (testEngine.engine === 'postgres') await sql`set enable_seqscan = off`.execute(db);
    await body(db, recordingQueries(db));
  } finally {
    await destroy();
  }
}
