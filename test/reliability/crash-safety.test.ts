import { randomInt } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Engine } from '../../src/storage/create-database.js';
import { testEngines } from '../../src/test-support/test-databases.js';
import { expectRecordsWhole } from './support/expect-records-whole.js';
import { signIn } from './support/http-client.js';
import { createPostgresDatabase, type PostgresDatabase } from './support/postgres-database.js';
import { startServer, type ServerProcess, type ServerStore } from './support/server-process.js';
import { withStoreDb } from './support/store-db.js';
import { postgresIntegrity, sqliteIntegrity } from './support/store-integrity.js';
import { lostAcknowledged, surveyWrites } from './support/survey.js';
import { WriteLog } from './support/write-log.js';
import { failures, startWriteStream } from './support/write-stream.js';

/**
 * The real server, killed with SIGKILL in the middle of a stream of concurrent writes, then started
 * again on the same data: nothing it acknowledged may be lost, nothing may be half-written.
 */

const admin = { email: 'admin@reliability.example.org', password: 'crash-safety-password' };
const rounds = 3;
const writers = 12;

/** Database-level checks; returns what the integrity check covered, for the summary. */
async function checkStore(
  store: ServerStore,
  engine: Engine,
  survey: Awaited<ReturnType<typeof surveyWrites>>,
): Promise<string> {
  return withStoreDb(store, async (db) => {
    // Every record in the database belongs to a write the test made (acknowledged, or in flight at a kill).
    await expectRecordsWhole(db, survey.records);
    if (engine === 'sqlite') {
      expect(await sqliteIntegrity(db)).toEqual({ integrityCheck: ['ok'], foreignKeyViolations: [] });
      return 'integrity_check and foreign_key_check clean';
    }
    const integrity = await postgresIntegrity(db);
    expect(integrity.heapCorruption).toEqual([]);
    expect(integrity.foreignKeyViolations).toEqual([]);
    if (integrity.amcheckUnavailable)
      return `amcheck unavailable (${integrity.amcheckUnavailable}): foreign keys checked by query only`;
    expect(integrity.indexesChecked).toBeGreaterThan(0);
    return `amcheck clean over ${integrity.indexesChecked} indexes and every table, foreign keys clean`;
  });
}

describe.each(testEngines.map((e) => e.engine))('crash safety [%s]', (engine) => {
  let dir = '';
  let postgres: PostgresDatabase | undefined;
  let store: ServerStore;
  let server: ServerProcess | undefined;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'mesodesk-crash-'));
    store = { dataDir: join(dir, 'data') };
    if (engine === 'postgres') {
      postgres = await createPostgresDatabase();
      store.databaseUrl = postgres.url;
    }
  });

  afterAll(async () => {
    await server?.kill();
    await postgres?.drop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test(`acknowledged writes survive ${rounds} SIGKILLs mid-stream, whole and audited`, async () => {
    const log = new WriteLog();
    const summary: string[] = [];
    server = await startServer({ store, admin });
    for (let round = 1; round <= rounds; round++) {
      const client = await signIn(server.baseUrl, admin.email, admin.password);
      const roundStartedAt = log.now();
      const stream = startWriteStream(client, log, { concurrency: writers });
      await stream.untilAcked(log.acked + randomInt(120, 260));
      await sleep(randomInt(0, 15));
      const inFlight = stream.inFlight();
      const killedAt = log.now();
      const killed: ServerProcess = server;
      server = undefined;
      await killed.kill();
      await stream.settled;

      expect(inFlight, 'requests in flight when the server was killed').toBeGreaterThan(0);
      expect(failures(log)).toEqual([]);
      // Requests without an answer are those the kill cut off, not ones the server dropped before.
      const unanswered = log.writes().filter((w) => w.outcome === 'unknown' && w.sentAt > roundStartedAt);
      expect(unanswered.filter((w) => (w.lostAt ?? 0) < killedAt)).toEqual([]);
      if (engine === 'sqlite')
        expect(
          readFileSync(join(store.dataDir, 'mesodesk.pid'), 'utf8').split('\n')[0],
          'the killed server left its lock',
        ).toBe(String(killed.pid));

      // The same data folder or database; for SQLite the killed server's lock must not block this.
      server = await startServer({ store });
      if (engine === 'sqlite')
        expect(readFileSync(join(store.dataDir, 'mesodesk.pid'), 'utf8').split('\n')[0]).toBe(String(server.pid));
      const reader = await signIn(server.baseUrl, admin.email, admin.password);
      const survey = await surveyWrites(reader, log);
      expect(survey.problems).toEqual([]);
      expect(lostAcknowledged(survey.present)).toEqual([]);
      expect(survey.found.acked).toBe(log.acked);
      const integrity = await checkStore(store, engine, survey);
      summary.push(
        `kill ${round}: ${inFlight} in flight, ${log.acked} acknowledged so far all present, ${unanswered.length} unanswered`,
      );
      if (round === rounds)
        summary.push(`${survey.found.unknown} unanswered writes had committed, whole; ${integrity}`);
    }
    console.info(`crash safety [${engine}]: ${summary.join('; ')}`);
    const stopping: ServerProcess = server;
    server = undefined;
    expect(await stopping.stop(), stopping.output()).toBe(0);
    // Once more with the server gone: what the next start would find.
    if (engine === 'sqlite')
      await withStoreDb(store, async (db) =>
        expect(await sqliteIntegrity(db)).toEqual({ integrityCheck: ['ok'], foreignKeyViolations: [] }),
      );
  }, 90_000);
});
