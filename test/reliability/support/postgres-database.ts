import { randomBytes } from 'node:crypto';
import { databaseUrl, withAdmin } from '../../../src/test-support/test-databases.js';

export interface PostgresDatabase {
  url: string;
  drop(): Promise<void>;
}

/**
 * A new, empty database (not migrated: the server under test does that), named like the other
 * test databases so that a crashed run's leftover is dropped by their stale-database sweep.
 */
export async function createPostgresDatabase(): Promise<PostgresDatabase> {
  const name = `mesodesk_test_${Math.floor(Date.now() / 1000)}_${randomBytes(6).toString('hex')}`;
  await withAdmin((client) => client.query(`create database "${name}"`));
  return {
    url: databaseUrl(name),
    drop: () =>
      withAdmin(async (client) => void (await client.query(`drop database if exists "${name}" with (force)`))),
  };
}
