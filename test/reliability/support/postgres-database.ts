import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { withDefaultUser } from '../../../src/storage/create-database.js';
import { defaultTestPostgresUrl } from '../../../src/test-support/test-databases.js';

export interface PostgresDatabase {
  url: string;
  drop(): Promise<void>;
}

async function withAdmin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: withDefaultUser(process.env.TEST_POSTGRES_URL || defaultTestPostgresUrl) });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/**
 * A new, empty database (not migrated: the server under test does that), named like the other
 * test databases so that a crashed run's leftover is dropped by their stale-database sweep.
 */
export async function createPostgresDatabase(): Promise<PostgresDatabase> {
  const name = `mesodesk_test_${Math.floor(Date.now() / 1000)}_${randomBytes(6).toString('hex')}`;
  await withAdmin((client) => client.query(`create database "${name}"`));
  const url = new URL(withDefaultUser(process.env.TEST_POSTGRES_URL || defaultTestPostgresUrl));
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => withAdmin(async (client) => void (await client.query(`drop database if exists "${name}" with (force)`))),
  };
}
