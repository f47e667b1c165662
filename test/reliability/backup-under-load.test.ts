import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import SqliteDatabase from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { backupDatabase } from '../../src/storage/backup-database.js';
import { createDatabase, openSqlite } from '../../src/storage/create-database.js';
import { sqliteFileName } from '../../src/storage/database-config.js';
import { migrateToLatest } from '../../src/storage/migrate.js';
import { testEngines } from '../../src/test-support/test-databases.js';
import { expectRecordsWhole } from './support/expect-records-whole.js';
import { signIn } from './support/http-client.js';
import { runMesodesk } from './support/run-mesodesk.js';
import { startServer, type ServerProcess, type ServerStore } from './support/server-process.js';
import { readSqliteContents } from './support/sqlite-tables.js';
import { withStoreDb } from './support/store-db.js';
import { sqliteIntegrity } from './support/store-integrity.js';
import { pointInTimeProblems, surveyWrites } from './support/survey.js';
import { WriteLog } from './support/write-log.js';
import { failures, startWriteStream } from './support/write-stream.js';

/**
 * `mesodesk backup` against a server that keeps writing, then `mesodesk restore` into a fresh data
 * folder: the backup must hold one moment of the database, whole. (Backup and restore are for the
 * SQLite store; PostgreSQL uses pg_dump and pg_restore.)
 */

const admin = { email: 'admin@reliability.example.org', password: 'backup-under-load-password' };

// Runs unless the engines under test (MESODESK_TEST_ENGINES) leave SQLite out.
describe.runIf(testEngines.some((e) => e.engine === 'sqlite'))('backup and restore [sqlite]', () => {
  let dir = '';
  const servers = new Set<ServerProcess>();

  async function start(store: ServerStore, withAdmin = false): Promise<ServerProcess> {
    const server = await startServer({ store, ...(withAdmin ? { admin } : {}) });
    servers.add(server);
    return server;
  }

  async function stop(server: ServerProcess): Promise<void> {
    servers.delete(server);
    expect(await server.stop(), server.output()).toBe(0);
  }

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'mesodesk-backup-'));
  });

  afterEach(async () => {
    for (const server of servers) await server.kill();
    servers.clear();
  });

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('a backup taken while the server writes restores to one whole moment of the database', async () => {
    const live = { dataDir: join(dir, 'live') };
    const restored = { dataDir: join(dir, 'restored') };
    const backupFile = join(dir, 'backups', 'under-load.sqlite');
    const server = await start(live, true);
    const log = new WriteLog();
    const stream = startWriteStream(await signIn(server.baseUrl, admin.email, admin.password), log, { concurrency: 6 });
    await stream.untilAcked(200);

    const startedAt = log.now();
    const backup = await runMesodesk(['backup', '--out', backupFile], { MESODESK_DATA_DIR: live.dataDir });
    const finishedAt = log.now();
    expect(backup.code, backup.output).toBe(0);
    // The writes go on after the backup; none of them may turn up in it.
    await stream.untilAcked(log.acked + 100);
    await stream.stop();
    await stop(server);
    expect(failures(log)).toEqual([]);
    expect(log.writes().filter((w) => w.outcome !== 'acked')).toEqual([]);
    const during = log.writes().filter((w) => w.sentAt > startedAt && w.sentAt < finishedAt);
    expect(during.length, 'writes sent while the backup ran').toBeGreaterThan(0);

    const restore = await runMesodesk(['restore', backupFile], { MESODESK_DATA_DIR: restored.dataDir });
    expect(restore.code, restore.output).toBe(0);
    const restoredServer = await start(restored);
    const reader = await signIn(restoredServer.baseUrl, admin.email, admin.password);
    const survey = await surveyWrites(reader, log);
    expect(survey.problems).toEqual([]);
    expect(pointInTimeProblems(survey.present, { startedAt, finishedAt })).toEqual([]);
    const after = log.writes().filter((w) => w.sentAt > finishedAt);
    expect(after.length).toBeGreaterThan(0);
    expect(after.filter((w) => survey.present.get(w))).toEqual([]);
    console.info(
      `backup under load: ${log.acked} writes, ${during.length} sent while the backup ran; the restore holds ${survey.found.acked} ` +
        `(all ${log.writes().filter((w) => (w.ackedAt ?? Infinity) < startedAt).length} acknowledged before it began, none of the ${after.length} sent after it)`,
    );

    await withStoreDb(restored, async (db) => {
      expect(await sqliteIntegrity(db)).toEqual({ integrityCheck: ['ok'], foreignKeyViolations: [] });
      await expectRecordsWhole(db, survey.records);
    });
    // The restored server takes writes too.
    const created = await reader.request('POST', '/api/patients', {
      firstName: 'After',
      lastName: 'Restore',
      birthDate: '1980-02-02',
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    await stop(restoredServer);
  }, 60_000);

  test('a backup of an idle server restores every table byte for byte', async () => {
    const live = { dataDir: join(dir, 'idle') };
    const restored = { dataDir: join(dir, 'idle-restored') };
    const backupFile = join(dir, 'backups', 'idle.sqlite');
    const server = await start(live, true);
    const log = new WriteLog();
    const stream = startWriteStream(await signIn(server.baseUrl, admin.email, admin.password), log, { concurrency: 4 });
    await stream.untilAcked(80);
    await stream.stop();
    expect(failures(log)).toEqual([]);

    // The server is still running, only idle.
    const backup = await runMesodesk(['backup', '--out', backupFile], { MESODESK_DATA_DIR: live.dataDir });
    expect(backup.code, backup.output).toBe(0);
    await stop(server);
    const restore = await runMesodesk(['restore', backupFile], { MESODESK_DATA_DIR: restored.dataDir });
    expect(restore.code, restore.output).toBe(0);

    const original = readSqliteContents(join(live.dataDir, sqliteFileName));
    const copy = readSqliteContents(join(restored.dataDir, sqliteFileName));
    for (const table of ['patients', 'intakes', 'assessments', 'audit_log', 'users'])
      expect(original.tables[table]?.length, table).toBeGreaterThan(0);
    expect(copy.schema).toStrictEqual(original.schema);
    expect(Object.keys(copy.tables)).toStrictEqual(Object.keys(original.tables));
    for (const [table, rows] of Object.entries(original.tables)) expect(copy.tables[table], table).toStrictEqual(rows);

    // And the restored copy serves what the original did.
    const restoredServer = await start(restored);
    const survey = await surveyWrites(await signIn(restoredServer.baseUrl, admin.email, admin.password), log);
    expect(survey.problems).toEqual([]);
    expect(survey.found.acked).toBe(log.acked);
    await stop(restoredServer);
  }, 60_000);

  test('a backup finishes, whole, while another connection writes between every step of it', async () => {
    // A clinic's database is many backup steps long; a writer that never pauses stands for a busy server.
    const file = join(dir, 'busy', sqliteFileName);
    const migrated = createDatabase({ engine: 'sqlite', file });
    await migrateToLatest(migrated);
    await migrated.destroy();
    const writer = openSqlite(file);
    const insert = writer.prepare(
      "insert into audit_log (id, at, action, entity, entity_id) values (?, ?, 'create', 'ballast', ?)",
    );
    const ballast = 10_000;
    writer.transaction(() => {
      for (let i = 0; i < ballast; i++) insert.run(randomUUID(), new Date().toISOString(), 'x'.repeat(200));
    })();
    let writes = 0;
    let writing = true;
    const write = () => {
      if (!writing) return;
      insert.run(randomUUID(), new Date().toISOString(), null);
      writes++;
      setImmediate(write);
    };
    setImmediate(write);

    const destination = join(dir, 'backups', 'busy.sqlite');
    const before = writes;
    const backup = backupDatabase({ engine: 'sqlite', file }, destination);
    const outcome = await Promise.race([
      backup.then(() => 'finished'),
      sleep(10_000).then(() => 'still copying after 10 s'),
    ]);
    const after = writes;
    writing = false;
    await backup;
    writer.close();
    expect(outcome).toBe('finished');
    expect(after - before, 'writes while the backup ran').toBeGreaterThan(0);

    const copy = new SqliteDatabase(destination, { readonly: true, fileMustExist: true });
    try {
      expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
      const rows = copy.prepare("select count(*) from audit_log where entity = 'ballast'").pluck().get() as number;
      expect(rows).toBeGreaterThanOrEqual(ballast + before);
      expect(rows).toBeLessThanOrEqual(ballast + after);
    } finally {
      copy.close();
    }
  }, 60_000);
});
