import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { filesUnder } from '../server/uploads/test-support/stored-files.js';
import { createDatabase } from '../storage/create-database.js';
import { sqliteFileName } from '../storage/database-config.js';
import { migrateToLatest } from '../storage/migrate.js';
import { captureIo } from '../test-support/capture-io.js';
import { changedTables, snapshotDatabase, type DatabaseSnapshot } from '../test-support/database-snapshot.js';
import { backupCommand } from './commands/backup-command.js';
import { restoreCommand } from './commands/restore-command.js';
import { runCli } from './run-cli.js';
import {
  expectClearError,
  fileWith,
  folder,
  garbage,
  hugeBytes,
  missingFile,
  outcome,
  root,
  runs,
} from './test-support/malformed-file-support.js';

/**
 * `mesodesk restore` and `mesodesk restore --images-only` given backups broken in every way
 * fast-check can make them (the other commands that read a file: malformed-files.test.ts). Each must
 * exit non-zero with an error on one line that names the file, no stack trace, and restore must leave
 * the database and the photos as they were. FUZZ_RUNS raises the number of files of each kind (see `runs`).
 */
describe('mesodesk restore with a malformed backup', () => {
  const dataDir = join(root, 'restore-data');
  const env = { MESODESK_DATA_DIR: dataDir };
  const database = join(dataDir, sqliteFileName);
  let backup: Buffer;
  let before: DatabaseSnapshot;
  const photosNow = () => filesUnder(join(dataDir, 'photos'));
  let photosBefore: string[];

  const snapshot = async () => {
    const db = createDatabase({ engine: 'sqlite', file: database });
    try {
      return await snapshotDatabase(db);
    } finally {
      await db.destroy();
    }
  };

  beforeAll(async () => {
    const db = createDatabase({ engine: 'sqlite', file: database });
    await migrateToLatest(db);
    const at = new Date().toISOString();
    await db
      .insertInto('clinics')
      .values({ id: 'kept-clinic', name: 'Kept', created_at: at, updated_at: at })
      .execute();
    await db.destroy();
    const out = join(root, 'good-backup.sqlite');
    expect(await backupCommand({ out }, captureIo(), env)).toBe(0);
    backup = readFileSync(out);
    before = await snapshot();
    mkdirSync(join(dataDir, 'photos', 'kept-patient'), { recursive: true });
    writeFileSync(join(dataDir, 'photos', 'kept-patient', 'kept.jpg'), 'a photo');
    photosBefore = photosNow();
  });

  /** The database and the photos are as they were, and no half-done restore left files beside them. */
  async function expectUnchanged(context: string): Promise<void> {
    expect(
      readdirSync(dataDir).filter((f) => f.includes('before-restore') || f.endsWith('.restoring')),
      context,
    ).toEqual([]);
    expect(changedTables(before, await snapshot()), context).toEqual([]);
    expect(photosNow(), context).toEqual(photosBefore);
  }

  /**
   * Sound mesodesk backups whose photos are broken: a path leading out of the photos folder, no
   * bytes, the table of another shape. Each has at least one broken thing, maybe next to good photos.
   */
  const goodImageTable = 'path text primary key, bytes blob not null';
  const imagePath = fc.oneof(
    fc.constantFrom('photos/p1/good.jpg', 'photos/p2/good.png'),
    fc.constantFrom(
      '../escape.jpg',
      '../../etc/passwd',
      '/etc/passwd',
      'photos/../../escape.jpg',
      'photos',
      'photos/',
      '',
      '.',
      'photos/p1/\u0000.jpg',
    ),
    fc.integer(),
    fc.constant(null),
  );
  const imageBytes = fc.oneof(
    fc.uint8Array({ minLength: 1, maxLength: 64 }),
    fc.constant(null),
    fc.integer(),
    fc.string(),
  );
  const isGoodRow = (row: { path: unknown; bytes: unknown }) =>
    typeof row.path === 'string' && /^photos\/p\d\/good\.(jpg|png)$/.test(row.path) && row.bytes instanceof Uint8Array;
  const brokenImageBackups = fc
    .record({
      columns: fc.constantFrom(goodImageTable, 'path text, bytes', 'path text', 'bytes blob', 'name text, data blob'),
      rows: fc.array(fc.record({ path: imagePath, bytes: imageBytes }), { minLength: 1, maxLength: 4 }),
    })
    .map(({ columns, rows }) => {
      const file = fileWith(backup, '.sqlite');
      const db = new SqliteDatabase(file);
      try {
        db.exec(`create table backup_images (${columns})`);
        const names = columns.split(', ').map((c) => c.split(' ')[0] ?? '');
        const insert = db.prepare(
          `insert or replace into backup_images (${names.join(', ')}) values (${names.map(() => '?').join(', ')})`,
        );
        for (const row of rows) {
          const value = (name: string) => (name === 'path' || name === 'name' ? row.path : row.bytes);
          try {
            insert.run(
              ...names.map((name) => {
                const v = value(name);
                return v instanceof Uint8Array ? Buffer.from(v) : v;
              }),
            );
          } catch {
            // A value the column refuses (NULL into NOT NULL): that row is simply not there.
          }
        }
        // What the table holds in the end: broken without a path or bytes column, or when any row is
        // (a table without the constraints but with sound rows can be restored).
        const hasColumns = names.includes('path') && names.includes('bytes');
        const stored = hasColumns
          ? db.prepare<[], { path: unknown; bytes: unknown }>('select path, bytes from backup_images').all()
          : [];
        const broken = !hasColumns || !stored.every(isGoodRow);
        return { kind: `backup_images (${columns}) with ${JSON.stringify(rows)}`, file, broken };
      } finally {
        db.close();
      }
    })
    .filter(({ broken }) => broken);

  it('refuses a backup whose photos are broken, before it changes anything', async () => {
    await fc.assert(
      fc.asyncProperty(brokenImageBackups, fc.boolean(), async ({ kind, file }, imagesOnly) => {
        const result = await outcome((io) => restoreCommand(file, io, env, { imagesOnly }));
        expect(expectClearError(result, file), kind).toHaveLength(1);
        await expectUnchanged(`${kind}: ${file}`);
      }),
      { numRuns: runs * 4 },
    );
  });

  /**
   * Backups broken in every way: cut short, the SQLite signature damaged, not SQLite at all, SQLite of
   * something else. (Bytes changed elsewhere in the header can leave a sound database: not broken.)
   */
  const brokenBackups = fc.oneof(
    fc.integer({ min: 0, max: 64 * 1024 }).map((n) => ({
      kind: `cut at ${n}`,
      file: fileWith(backup.subarray(0, Math.min(n, backup.length - 1)), '.sqlite'),
    })),
    fc.tuple(fc.integer({ min: 0, max: 15 }), fc.integer({ min: 1, max: 255 })).map(([at, flip]) => {
      const copy = Buffer.from(backup);
      copy[at] = (copy[at] ?? 0) ^ flip;
      return { kind: `signature byte ${at} changed`, file: fileWith(copy, '.sqlite') };
    }),
    garbage.map((bytes) => ({ kind: 'garbage', file: fileWith(bytes, '.sqlite') })),
    fc
      .constantFrom('', 'not a database', 'SQLite format 3\0')
      .map((text) => ({ kind: JSON.stringify(text), file: fileWith(text, '.sqlite') })),
    fc.constant(null).map(() => ({ kind: 'missing', file: missingFile() })),
    fc.constant(null).map(() => ({ kind: 'folder', file: folder() })),
  );

  it('exits non-zero naming the file, and leaves the database alone', async () => {
    await fc.assert(
      fc.asyncProperty(brokenBackups, async ({ kind, file }) => {
        const result = await outcome((io) => restoreCommand(file, io, env));
        expect(expectClearError(result, file), kind).toHaveLength(1);
        await expectUnchanged(`${kind}: ${file}`);
      }),
      { numRuns: runs * 4 },
    );
  });

  it('refuses a huge file and a SQLite database of another program the same way', async () => {
    const huge = fileWith(Buffer.alloc(hugeBytes, 7), '.sqlite');
    expectClearError(await outcome((io) => restoreCommand(huge, io, env)), huge);
    const other = join(root, 'other-program.sqlite');
    const db = createDatabase({ engine: 'sqlite', file: other });
    await db.schema.createTable('notes').addColumn('id', 'text').execute();
    await db.destroy();
    expectClearError(await outcome((io) => restoreCommand(other, io, env)), other);
    await expectUnchanged('huge or foreign backup');
  });

  it('is what `mesodesk restore` runs', async () => {
    const file = fileWith('garbage', '.sqlite');
    const saved = process.env.MESODESK_DATA_DIR;
    process.env.MESODESK_DATA_DIR = dataDir;
    try {
      expectClearError(await outcome((io) => runCli(['restore', file], io)), file);
    } finally {
      if (saved === undefined) delete process.env.MESODESK_DATA_DIR;
      else process.env.MESODESK_DATA_DIR = saved;
    }
    await expectUnchanged('restore through runCli');
  });
});
