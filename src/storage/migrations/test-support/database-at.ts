import { Migrator } from 'kysely/migration';
import type { Db } from '../../create-database.js';
import type { TestEngine } from '../../../test-support/test-databases.js';
import { migrations } from '../migrations.js';

/**
 * Runs `body` on a new database of `testEngine` migrated up to `migration` and no further, as a
 * clinic's database stood before the migrations that follow it; `migrator` takes it on from there.
 * The database is dropped afterwards.
 */
export async function onDatabaseAt(
  testEngine: TestEngine,
  migration: string,
  body: (db: Db, migrator: Migrator) => Promise<void>,
): Promise<void> {
  const { db, destroy } = await testEngine.create({ migrate: false });
  try {
    const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
    const { error } = await migrator.migrateTo(migration);
    if (error) throw error;
    await body(db, migrator);
  } finally {
    await destroy();
  }
}
