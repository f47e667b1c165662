import { spawnSync } from 'node:child_process';
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
import { formatFieldPath, withValueAt, wrongTypeAt, wrongTypeFor } from '../test-support/hostile-values.js';
import { exampleRequest } from '../test-support/intake-examples.js';
import { testKnowledgeBase } from '../test-support/test-app.js';
import { assessCommand } from './commands/assess-command.js';
import { backupCommand } from './commands/backup-command.js';
import { importFhirCommand } from './commands/import-command.js';
import { restoreCommand } from './commands/restore-command.js';
import { runCli } from './run-cli.js';
import {
  expectClearError,
  expectFieldNamed,
  fileWith,
  folder,
  garbage,
  missingFile,
  outcome,
  root,
  runs,
  truncated,
  type Outcome,
} from './test-support/malformed-file-support.js';

/**
 * Every CLI command that reads a file (assess, import fhir, restore and restore --images-only;
 * kb lint in malformed-knowledge-files.test.ts), given files that are broken in every way fast-check
 * can make them: cut short, wrong types, binary garbage, empty, missing, a folder, huge. Each must exit non-zero with an error on one
 * line that names the file (and the field, for a well-formed file with a wrong value), no stack
 * trace, and restore must leave the database and the photos as they were. import fhir stores nothing
 * by design (it prints a pre-filled intake): the last block checks that through the real process.
 * FUZZ_RUNS raises the number of files of each kind (see `runs`).
 */
const hugeBytes = 24 * 1024 * 1024;

/** Broken JSON files of every kind, each with what must be named: the file, and the field where there is one. */
function brokenJsonFiles(valid: object): fc.Arbitrary<{ file: string; field?: string }> {
  const text = JSON.stringify(valid, null, 2);
  return fc.oneof(
    truncated(text).map((t) => ({ file: fileWith(t) })),
    garbage.map((bytes) => ({ file: fileWith(bytes) })),
    wrongTypeAt(valid).map(({ body, path }) => ({
      file: fileWith(JSON.stringify(body)),
      field: formatFieldPath(path),
    })),
    fc.constantFrom('', ' ', '\ufeff', 'null', '[]', '"text"', '0').map((t) => ({ file: fileWith(t) })),
    fc.constant(null).map(() => ({ file: missingFile() })),
    fc.constant(null).map(() => ({ file: folder() })),
  );
}

describe('mesodesk assess with a malformed file', () => {
  const valid = exampleRequest('contract-request');
  /** `mesodesk: patient.birthDate: required (in FILE)`: the field is what comes after the prefix. */
  const fieldsOf = (line: string) => [line.split(': ')[1] ?? ''];
  const assess = (file: string) => outcome((io) => assessCommand(file, {}, testKnowledgeBase(), io));

  /** Codes the knowledge base does not know, with line breaks and escape sequences to be echoed. */
  const unknownCodes = fc
    .tuple(
      fc.constantFrom<(string | number)[]>(['request', 'indication'], ['request', 'area']),
      fc.string({ unit: 'binary', minLength: 1, maxLength: 20 }).map((s) => `${s}\n\u001b[2J`),
    )
    .map(([path, code]) => ({
      file: fileWith(JSON.stringify(withValueAt(valid, path, code))),
      field: formatFieldPath(path),
    }));

  it('exits 2 naming the file on every line, and the field for a wrong value', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(brokenJsonFiles(valid), unknownCodes), async ({ file, field }) => {
        const result = await assess(file);
        const lines = expectClearError(result, file);
        expect(result.code).toBe(2);
        for (const line of lines) expect(line).toContain(file);
        if (field) expectFieldNamed(lines, field, fieldsOf);
      }),
      { numRuns: runs * 4 },
    );
  });

  it('refuses a huge file the same way', async () => {
    const hugeGarbage = fileWith(Buffer.alloc(hugeBytes, '{'));
    expectClearError(await assess(hugeGarbage), hugeGarbage);
    const hugeField = fileWith(
      JSON.stringify({ ...valid, patient: { ...(valid.patient as object), birthDate: '1'.repeat(hugeBytes) } }),
    );
    const lines = expectClearError(await assess(hugeField), hugeField);
    expectFieldNamed(lines, 'patient.birthDate', fieldsOf);
    expect(
      lines.every((line) => line.length < 1000),
      'the huge value is not echoed back',
    ).toBe(true);
  });

  it('is what `mesodesk assess` runs', async () => {
    const file = fileWith('{"patient": ');
    expectClearError(await outcome((io) => runCli(['assess', file], io, { knowledgeBase: testKnowledgeBase() })), file);
  });
});

describe('mesodesk import fhir with a malformed file', () => {
  const valid = {
    resourceType: 'Bundle',
    entry: [
      {
        fullUrl: 'urn:uuid:p1',
        resource: { resourceType: 'Patient', id: 'p1', birthDate: '1990-04-12', gender: 'female' },
      },
      {
        fullUrl: 'urn:uuid:c1',
        resource: {
          resourceType: 'Condition',
          id: 'c1',
          subject: { reference: 'Patient/p1' },
          code: { text: 'Migraine' },
        },
      },
    ],
  };
  /** `mesodesk: FILE: not a FHIR Bundle: entry.0.resource: Invalid input`: every word that looks like a path. */
  const fieldsOf = (line: string) => line.split(': ').slice(1);
  const importFhir = (file: string) => outcome((io) => importFhirCommand(file, {}, io));

  it('exits 2 naming the file, and the field for a wrong value in the Bundle', async () => {
    // The Bundle's own structure is checked; a resource's fields are read leniently and what cannot
    // be read is listed for a clinician (exit 0), so wrong values go into the structure only.
    const structure = fc.constantFrom<(string | number)[]>(
      ['resourceType'],
      ['entry'],
      ['entry', 0],
      ['entry', 0, 'resource'],
      ['entry', 0, 'resource', 'resourceType'],
      ['entry', 0, 'resource', 'id'],
      ['entry', 1, 'fullUrl'],
    );
    const wrongStructure = structure.chain((path) => {
      const original = path.reduce<unknown>((value, key) => (value as Record<string | number, unknown>)[key], valid);
      return wrongTypeFor(original).map((value) => ({
        file: fileWith(JSON.stringify(withValueAt(valid, path, value))),
        field: formatFieldPath(path),
      }));
    });
    const notStructure = brokenJsonFiles(valid).filter(({ field }) => field === undefined);
    await fc.assert(
      fc.asyncProperty(fc.oneof(wrongStructure, notStructure), async ({ file, field }) => {
        const result = await importFhir(file);
        const lines = expectClearError(result, file);
        expect(result.code).toBe(2);
        expect(lines).toHaveLength(1);
        if (field) expectFieldNamed(lines, field, fieldsOf);
      }),
      { numRuns: runs * 4 },
    );
  });

  it('refuses a huge file the same way', async () => {
    const hugeGarbage = fileWith(Buffer.alloc(hugeBytes, '['));
    expectClearError(await importFhir(hugeGarbage), hugeGarbage);
    const hugeType = fileWith(JSON.stringify({ ...valid, resourceType: 'B'.repeat(hugeBytes) }));
    const lines = expectClearError(await importFhir(hugeType), hugeType);
    expectFieldNamed(lines, 'resourceType', fieldsOf);
    expect(
      lines.every((line) => line.length < 1000),
      'the huge value is not echoed back',
    ).toBe(true);
  });

  it('is what `mesodesk import fhir` runs', async () => {
    const file = folder();
    expectClearError(await outcome((io) => runCli(['import', 'fhir', file], io)), file);
  });
});

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

describe('bin/mesodesk.js with malformed files (the process a user runs)', () => {
  const checkout = join(import.meta.dirname, '..', '..');
  /** The built CLI (npm run build), as npx runs it: exit code and output of the real process. */
  function mesodesk(args: string[], env: Record<string, string> = {}): Outcome {
    const run = spawnSync(process.execPath, ['bin/mesodesk.js', ...args], {
      cwd: checkout,
      encoding: 'utf8',
      env: { ...process.env, ...env },
      timeout: 60_000,
    });
    return { code: run.status ?? -1, stdout: run.stdout, stderr: run.stderr };
  }

  it('exits non-zero with one line naming the file, and no stack trace, for each command', () => {
    const garbageJson = fileWith(Buffer.from([0x7b, 0x0a, 0x1b, 0x5b, 0x32, 0x4a, 0xff, 0xfe, 0x00]));
    expect(expectClearError(mesodesk(['assess', garbageJson]), garbageJson)).toHaveLength(1);
    const directory = folder();
    expect(expectClearError(mesodesk(['import', 'fhir', directory]), directory)).toHaveLength(1);
    const dataDir = folder();
    const backup = fileWith(Buffer.alloc(4096, 0xab), '.sqlite');
    expect(expectClearError(mesodesk(['restore', backup], { MESODESK_DATA_DIR: dataDir }), backup)).toHaveLength(1);
    expect(readdirSync(dataDir)).toEqual([]);
  });

  it('stores nothing on import: the data folder stays empty', () => {
    const dataDir = folder();
    const bundle = fileWith(
      JSON.stringify({
        resourceType: 'Bundle',
        entry: [{ resource: { resourceType: 'Patient', id: 'p1', birthDate: 'x'.repeat(5000) } }],
      }),
    );
    const result = mesodesk(['import', 'fhir', bundle], { MESODESK_DATA_DIR: dataDir });
    expect(result.code, result.stderr).toBe(0);
    expect(readdirSync(dataDir)).toEqual([]);
    const broken = fileWith('{"resourceType": "Bundle", "entry": [');
    expectClearError(mesodesk(['import', 'fhir', broken], { MESODESK_DATA_DIR: dataDir }), broken);
    expect(readdirSync(dataDir)).toEqual([]);
  });
});
