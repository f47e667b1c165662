import { chmodSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultTestPostgresUrl, testEngines } from '../test-support/test-databases.js';
import { backupDatabase } from './backup-database.js';
import { createDatabase } from './create-database.js';
import { lockDataDir } from './data-dir-lock.js';
import { migrateToLatest } from './migrate.js';
import { tightenDataFolder } from './private-files.js';
import { createRepositories } from './repositories/repositories.js';
import { restoreDatabase } from './restore-database.js';

/** Issue 23: the database and backups were 0644 (anyone on the machine could read them) while photos/ was 0700. */

const root = mkdtempSync(join(tmpdir(), 'mesodesk-private-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let folders = 0;
const newFolder = () => join(root, `case-${++folders}`);
const mode = (path: string) => (statSync(path).mode & 0o777).toString(8);

// The usual umask, which leaves new files readable by everyone (0644): what the files must not depend on.
let umaskBefore = 0;
beforeEach(() => {
  umaskBefore = process.umask(0o022);
});
afterEach(() => {
  process.umask(umaskBefore);
});

const runOnSqlite = it.runIf(testEngines.some((e) => e.engine === 'sqlite'));
const runOnPostgres = it.runIf(testEngines.some((e) => e.engine === 'postgres'));

describe('owner-only files in the data folder', () => {
  runOnSqlite('makes a new SQLite database, its -wal and -shm, and its new folder the owner’s only', async () => {
    const dataDir = newFolder();
    const file = join(dataDir, 'mesodesk.sqlite');
    const db = createDatabase({ engine: 'sqlite', file });
    try {
      await migrateToLatest(db);
      await createRepositories(db).clinics.create({ name: 'Private' });
      expect(readdirSync(dataDir).sort()).toEqual(['mesodesk.sqlite', 'mesodesk.sqlite-shm', 'mesodesk.sqlite-wal']);
      for (const name of readdirSync(dataDir)) expect([name, mode(join(dataDir, name))]).toEqual([name, '600']);
      expect(mode(dataDir)).toBe('700');
    } finally {
      await db.destroy();
    }
    // A database left readable by an older version becomes the owner's when it is opened.
    chmodSync(file, 0o644);
    const again = createDatabase({ engine: 'sqlite', file });
    await again.destroy();
    expect(mode(file)).toBe('600');
  });

  runOnSqlite('writes SQLite backups owner-only, restores them so, and leaves nothing of a failed backup', async () => {
    const dataDir = newFolder();
    const file = join(dataDir, 'mesodesk.sqlite');
    const db = createDatabase({ engine: 'sqlite', file });
    await migrateToLatest(db);
    await db.destroy();
    const destination = join(dataDir, 'backups', 'b.sqlite');
    await backupDatabase({ engine: 'sqlite', file }, destination, { dataDir });
    expect([mode(destination), mode(join(dataDir, 'backups'))]).toEqual(['600', '700']);

    // A backup copied in by hand, readable by all: the restored database is the owner's all the same.
    chmodSync(destination, 0o644);
    restoreDatabase({ engine: 'sqlite', file }, destination, { dataDir });
    expect(mode(file)).toBe('600');

    const failed = join(dataDir, 'backups', 'failed.sqlite');
    await expect(backupDatabase({ engine: 'sqlite', file: join(dataDir, 'none.sqlite') }, failed)).rejects.toThrow(
      /no database/,
    );
    expect(readdirSync(join(dataDir, 'backups')).filter((name) => name.startsWith('failed'))).toEqual([]);
  });

  runOnPostgres('writes a PostgreSQL dump and its photo archive owner-only', async () => {
    const engine = testEngines.find((e) => e.engine === 'postgres');
    if (!engine) return;
    const { db, destroy } = await engine.create();
    try {
      const url = new URL(process.env.TEST_POSTGRES_URL || defaultTestPostgresUrl);
      const { rows } = await sql<{ name: string }>`select current_database() as name`.execute(db);
      url.pathname = `/${rows[0]?.name ?? ''}`;
      const dataDir = newFolder();
      const destination = join(dataDir, 'backups', 'b.dump');
      const { images } = await backupDatabase({ engine: 'postgres', url: url.toString() }, destination, { dataDir });
      expect(images?.archive).toBe(`${destination}.images.sqlite`);
      expect([mode(destination), mode(`${destination}.images.sqlite`), mode(join(dataDir, 'backups'))]).toEqual([
        '600',
        '600',
        '700',
      ]);
    } finally {
      await destroy();
    }
  });

  it('keeps the data folder’s lock file owner-only', () => {
    const dataDir = newFolder();
    const unlock = lockDataDir(dataDir);
    try {
      expect([mode(dataDir), mode(join(dataDir, 'mesodesk.pid'))]).toEqual(['700', '600']);
    } finally {
      unlock();
    }
  });

  it('tightens what it finds in a data folder at start, without walking the photos or following links', () => {
    const dataDir = newFolder();
    const outside = newFolder();
    mkdirSync(outside);
    writeFileSync(join(outside, 'elsewhere.txt'), 'x', { mode: 0o644 });
    for (const dir of ['backups', 'cache', 'tmp/uploads', 'photos/p1'])
      mkdirSync(join(dataDir, dir), { recursive: true });
    for (const file of [
      'mesodesk.sqlite',
      'mesodesk.sqlite-wal',
      'backups/old.sqlite',
      'cache/k.json',
      'photos/p1/a.jpg',
    ])
      writeFileSync(join(dataDir, file), 'x', { mode: 0o644 });
    for (const dir of ['', 'backups', 'cache', 'tmp', 'tmp/uploads', 'photos', 'photos/p1'])
      chmodSync(join(dataDir, dir), 0o755);
    symlinkSync(join(outside, 'elsewhere.txt'), join(dataDir, 'backups', 'link.sqlite'));

    const { changed, failed } = tightenDataFolder(dataDir);
    expect(failed).toEqual([]);
    for (const dir of ['', 'backups', 'cache', 'tmp', 'tmp/uploads', 'photos'])
      expect([dir, mode(join(dataDir, dir))]).toEqual([dir, '700']);
    for (const file of ['mesodesk.sqlite', 'mesodesk.sqlite-wal', 'backups/old.sqlite', 'cache/k.json'])
      expect([file, mode(join(dataDir, file))]).toEqual([file, '600']);
    // Photos are stored owner-only; the folder of a million of them is not walked at every start.
    expect(mode(join(dataDir, 'photos/p1/a.jpg'))).toBe('644');
    expect(mode(join(outside, 'elsewhere.txt'))).toBe('644');
    expect(changed).toHaveLength(10);
    expect(tightenDataFolder(dataDir)).toEqual({ changed: [], failed: [] });
    expect(tightenDataFolder(join(root, 'missing'))).toEqual({ changed: [], failed: [] });
  });
});
