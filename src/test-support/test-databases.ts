import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe } from 'vitest';
import { createDatabase, withDefaultUser, type Db, type Engine } from '../storage/create-database.js';
import { migrateToLatest } from '../storage/migrate.js';

/**
 * Runs the same tests against every storage engine, for real: SQLite in a temporary file, and
 * PostgreSQL in a freshly created database that is dropped afterwards.
 *
 * PostgreSQL: `TEST_POSTGRES_URL` (default postgres://127.0.0.1:5432/test) names a database to
 * connect to in order to create and drop the test databases. `MESODESK_TEST_ENGINES=sqlite` limits
 * the run to some engines; by default both run and an unreachable PostgreSQL fails the tests.
 */

export interface TestDatabase {
  engine: Engine;
  db: Db;
  destroy(): Promise<void>;
}

export interface TestEngine {
  engine: Engine;
  /** A new, empty database (migrated unless `migrate: false`). */
  create(options?: { migrate?: boolean }): Promise<TestDatabase>;
}

export const defaultTestPostgresUrl = 'postgres://127.0.0.1:5432/test';
const databasePrefix = 'mesodesk_test_';
/** Test databases older than this are left-overs of crashed runs, safe to drop. */
const staleAfterSeconds = 6 * 3600;

/** Runs `fn` with a connection to the administrative test database (to create and drop others). */
export async function withAdmin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({
    connectionString: withDefaultUser(process.env.TEST_POSTGRES_URL || defaultTestPostgresUrl),
  });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** The connection URL of test database `name`. */
export function databaseUrl(name: string): string {
  const url = new URL(withDefaultUser(process.env.TEST_POSTGRES_URL || defaultTestPostgresUrl));
  url.pathname = `/${name}`;
  return url.toString();
}

async function dropStaleDatabases(client: pg.Client): Promise<void> {
  const { rows } = await client.query<{ datname: string }>('select datname from pg_database where datname like $1', [
    `${databasePrefix}%`,
  ]);
  const now = Math.floor(Date.now() / 1000);
  for (const { datname } of rows) {
    const createdAt = Number(datname.slice(databasePrefix.length).split('_')[0]);
    if (Number.isFinite(createdAt) && now - createdAt > staleAfterSeconds)
      await client.query(`drop database if exists "${datname}" with (force)`).catch(() => undefined);
  }
}

const sqliteEngine: TestEngine = {
  engine: 'sqlite',
  async create(options) {
    const dir = mkdtempSync(join(tmpdir(), 'mesodesk-test-'));
    const db = createDatabase({ engine: 'sqlite', file: join(dir, 'test.sqlite') });
    if (options?.migrate !== false) await migrateToLatest(db);
    return {
      engine: 'sqlite',
      db,
      async destroy() {
        await db.destroy();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  },
};

const postgresEngine: TestEngine = {
  engine: 'postgres',
  async create(options) {
    const name = `${databasePrefix}${Math.floor(Date.now() / 1000)}_${randomBytes(6).toString('hex')}`;
    await withAdmin(async (client) => {
      await dropStaleDatabases(client);
      await client.query(`create database "${name}"`);
    });
    const db = createDatabase({ engine: 'postgres', url: databaseUrl(name) });
    try {
      if (options?.migrate !== false) await migrateToLatest(db);
    } catch (error) {
      await db.destroy();
      await withAdmin((client) => client.query(`drop database if exists "${name}" with (force)`));
      throw error;
    }
    return {
      engine: 'postgres',
      db,
      async destroy() {
        await db.destroy();
        await withAdmin(async (client) => {
          // Let connections that are still closing go by themselves: forcing them surfaces as
          // "terminating connection due to administrator command" in whichever test owned them.
          for (let i = 0; i < 50; i++) {
            const { rows } = await client.query<{ n: string }>(
              'select count(*) as n from pg_stat_activity where datname = $1',
              [name],
            );
            if (Number(rows[0]?.n ?? 0) === 0) break;
            await new Promise((resolve) => setTimeout(resolve, 100));
          }
          await client.query(`drop database if exists "${name}" with (force)`);
        });
      },
    };
  },
};

function selectedEngines(): TestEngine[] {
  const all = [sqliteEngine, postgresEngine];
  const wanted = process.env.MESODESK_TEST_ENGINES?.split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  return wanted?.length ? all.filter((e) => wanted.includes(e.engine)) : all;
}

/** The engines under test, for `describe.each(testEngines)` when a test manages databases itself. */
export const testEngines: readonly TestEngine[] = selectedEngines();

/**
 * `describe`s the block once per engine, with one migrated database shared by the block's tests
 * (created before them, destroyed after). `getDb()` is only valid inside tests and hooks.
 */
export function forEachEngine(title: string, body: (getDb: () => Db, engine: Engine) => void): void {
  describe.each(testEngines.map((e) => ({ engine: e.engine, testEngine: e })))(
    `${title} [$engine]`,
    ({ testEngine }) => {
      let database: TestDatabase | undefined;
      beforeAll(async () => {
        database = await testEngine.create();
      });
      afterAll(async () => {
        await database?.destroy();
      });
      body(() => {
        if (!database) throw new Error('the test database is not ready: call getDb() inside a test or hook');
        return database.db;
      }, testEngine.engine);
    },
  );
}
