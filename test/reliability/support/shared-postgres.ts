import type { ClinicFixture } from '../../../src/test-support/clinic-fixture.js';
import { createClinicFixture } from '../../../src/test-support/clinic-fixture.js';
import { testEngines } from '../../../src/test-support/test-databases.js';
import { testPassword, testPasswordHashing } from '../../../src/test-support/test-app.js';
import { argon2idHasher } from '../../../src/services/accounts/password-hasher.js';
import { createDatabase, type Db } from '../../../src/storage/create-database.js';
import { migrateToLatest } from '../../../src/storage/migrate.js';
import { createRepositories, type Repositories } from '../../../src/storage/repositories/repositories.js';
import { createPostgresDatabase } from './postgres-database.js';

/**
 * Several server processes share one database only on PostgreSQL. Like the other PostgreSQL tests,
 * these run unless MESODESK_TEST_ENGINES leaves PostgreSQL out, and fail when it cannot be reached.
 */
export const postgresUnderTest = testEngines.some((e) => e.engine === 'postgres');

/** A fresh PostgreSQL database that the test reaches directly too, beside the servers it starts. */
export interface SharedDatabase {
  url: string;
  db: Db;
  repos: Repositories;
  drop(): Promise<void>;
}

export async function createSharedDatabase(options: { migrate?: boolean } = {}): Promise<SharedDatabase> {
  const database = await createPostgresDatabase();
  const db = createDatabase({ engine: 'postgres', url: database.url });
  if (options.migrate !== false) await migrateToLatest(db);
  return {
    url: database.url,
    db,
    repos: createRepositories(db),
    async drop() {
      await db.destroy();
      await database.drop();
    },
  };
}

/** A clinic with one user of each role, who sign in with `testPassword` (hashed cheaply). */
export async function seedClinic(repos: Repositories, tag: string): Promise<ClinicFixture> {
  const passwordHash = await argon2idHasher(testPasswordHashing).hash(testPassword);
  return createClinicFixture(repos, { tag, passwordHash });
}

export { testPassword };
