import { expect } from 'vitest';
import type { Db } from '../../../src/storage/create-database.js';
import { auditTrailProblems } from './audit-trail.js';
import { halfWrittenRecords, recordCounts } from './half-written.js';
import type { PresentRecords } from './judge-story.js';

/**
 * The database holds exactly the records the test's writes made, each whole: nothing half-written,
 * each write's audit entry once, and no record that no write made.
 */
export async function expectRecordsWhole(db: Db, records: readonly PresentRecords[]): Promise<void> {
  const half = await halfWrittenRecords(db);
  expect(half).toEqual(Object.fromEntries(Object.keys(half).map((k) => [k, []])));
  expect(await auditTrailProblems(db, records)).toEqual([]);
  const counts = await recordCounts(db);
  expect(counts.patients).toBe(records.length);
  expect(counts.intakes).toBe(records.reduce((n, r) => n + r.intakes.length, 0));
}
