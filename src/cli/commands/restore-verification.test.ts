import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { filesUnder } from '../../server/uploads/test-support/stored-files.js';
import { postgresImageArchive } from '../../storage/backup-images.js';
import type { BackupManifest } from '../../storage/backup-manifest.js';
import { createDatabase, type Db } from '../../storage/create-database.js';
import { sqliteFileName } from '../../storage/database-config.js';
import { migrateToLatest } from '../../storage/migrate.js';
import { migrations } from '../../storage/migrations/migrations.js';
import { createRepositories } from '../../storage/repositories/repositories.js';
import { captureIo } from '../../test-support/capture-io.js';
import { databaseUrl, testEngines } from '../../test-support/test-databases.js';
import { backupCommand } from './backup-command.js';
import { restoreCommand } from './restore-command.js';

/**
 * `mesodesk restore` checks a backup against the manifest `mesodesk backup` writes into it (issue 23:
 * a missing photo row, photo bytes replaced by one zero byte and an unknown migration all restored
 * with exit 0, the last leaving a database the server would not start on).
 */
const root = mkdtempSync(join(tmpdir(), 'mesodesk-restore-check-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const photoBytes = Buffer.from('a clinical photo, byte for byte');
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** A clinic with a patient and one photo on disk, in `dataDir` (or in `db` with its files in `dataDir`); the photo's path. */
async function clinicWithPhoto(dataDir: string, name: string, db?: Db): Promise<string> {
  const own = db ?? createDatabase({ engine: 'sqlite', file: join(dataDir, sqliteFileName) });
  try {
    if (!db) await migrateToLatest(own);
    const repos = createRepositories(own);
    const clinic = await repos.clinics.create({ name });
    const patient = await repos.patients.create({
      clinicId: clinic.id,
      firstName: 'Pia',
      lastName: 'Photo',
      birthDate: '1990-01-01',
      sex: 'female',
    });
    const path = `photos/${patient.id}/${crypto.randomUUID()}.jpg`;
    mkdirSync(join(dataDir, 'photos', patient.id), { recursive: true });
    writeFileSync(join(dataDir, ...path.split('/')), photoBytes);
    await repos.photos.create({
      patientId: patient.id,
      kind: 'before',
      filePath: path,
      mime: 'image/jpeg',
      createdBy: null,
      bytes: photoBytes.length,
    });
    return path;
  } finally {
    if (!db) await own.destroy();
  }
}

function manifestOf(file: string): BackupManifest {
  const db = new SqliteDatabase(file, { readonly: true });
  try {
    const row = db.prepare<[], { manifest: string }>('select manifest from backup_manifest').get();
    return JSON.parse(row?.manifest ?? 'null') as BackupManifest;
  } finally {
    db.close();
  }
}

/** A copy of `backup` changed by `change` (as a disk, a cut-short copy or a hand-edit might). */
function tampered(backup: string, name: string, change: string): string {
  const file = join(root, `${name}.sqlite`);
  copyFileSync(backup, file);
  const db = new SqliteDatabase(file);
  try {
    db.exec(change);
  } finally {
    db.close();
  }
  return file;
}

/** Everything in a data folder, with the bytes of each file: what a refused restore must leave alone. */
function contents(dataDir: string): Record<string, string> {
  return Object.fromEntries(filesUnder(dataDir).map((f) => [f, sha256(readFileSync(join(dataDir, ...f.split('/'))))]));
}

describe('mesodesk restore checks the backup against its manifest', () => {
  const source = join(root, 'source');
  const target = join(root, 'target');
  const backup = join(root, 'good.sqlite');
  let path: string;
  let targetBefore: Record<string, string>;

  beforeAll(async () => {
    path = await clinicWithPhoto(source, 'Backed up');
    expect(await backupCommand({ out: backup }, captureIo(), { MESODESK_DATA_DIR: source })).toBe(0);
    await clinicWithPhoto(target, 'Still here');
    targetBefore = contents(target);
  });

  it('is written by `mesodesk backup`: rows per table, the SHA-256 of each photo, the migrations', () => {
    const manifest = manifestOf(backup);
    expect(manifest).toMatchObject({
      format: 1,
      migrations: Object.keys(migrations),
      images: { [path]: sha256(photoBytes) },
      missingImages: [],
    });
    expect(manifest.rowCounts).toMatchObject({ clinics: 1, patients: 1, photos: 1 });
  });

  const refusals = [
    {
      damage: 'a photo row gone',
      change: 'delete from photos',
      message: /is damaged: table photos has 0 rows, its manifest says 1; nothing was restored$/,
    },
    {
      damage: "a photo's bytes gone",
      change: 'delete from backup_images',
      message: /is damaged: photo photos\/.*\.jpg is missing from the backup; nothing was restored$/,
    },
    {
      damage: "a photo's bytes replaced by one zero byte",
      change: "update backup_images set bytes = x'00'",
      message: /is damaged: photo photos\/.*\.jpg is damaged: its SHA-256 differs from the manifest's/,
    },
    {
      damage: 'a migration this version does not know',
      change: "insert into kysely_migration (name, timestamp) values ('0999-from-the-future', '2031-01-01T00:00:00Z')",
      message: /was made by a newer mesodesk: this one does not know its migration 0999-from-the-future; upgrade/,
    },
    {
      damage: 'a damaged manifest',
      change: 'update backup_manifest set manifest = \'{"format":1\'',
      message: /is damaged: its manifest is damaged/,
    },
  ];

  for (const { damage, change, message } of refusals)
    it(`refuses a backup with ${damage}, exiting 1 and leaving the data folder as it was`, async () => {
      const file = tampered(backup, damage.replace(/\W+/g, '-'), change);
      const io = captureIo();
      expect(await restoreCommand(file, io, { MESODESK_DATA_DIR: target })).toBe(1);
      expect(io.stdout).toBe('');
      const lines = io.stderr.trimEnd().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain(file);
      expect(lines[0]).toMatch(message);
      expect(contents(target)).toEqual(targetBefore);
      expect(readdirSync(target).filter((f) => f.includes('restor'))).toEqual([]);
    });

  it('refuses damaged photo bytes with --images-only too, writing no photo', async () => {
    const file = tampered(backup, 'images-only-damaged', "update backup_images set bytes = x'00'");
    const io = captureIo();
    expect(await restoreCommand(file, io, { MESODESK_DATA_DIR: target }, { imagesOnly: true })).toBe(1);
    expect(io.stderr).toMatch(/is damaged: photo .* SHA-256 differs/);
    expect(contents(target)).toEqual(targetBefore);
  });

  it('restores a backup that matches, without a word of warning', async () => {
    const dataDir = join(root, 'fresh');
    const io = captureIo();
    expect(await restoreCommand(backup, io, { MESODESK_DATA_DIR: dataDir })).toBe(0);
    expect(io.stderr).toBe('');
    expect(readFileSync(join(dataDir, ...path.split('/')))).toEqual(photoBytes);
    const db = new SqliteDatabase(join(dataDir, sqliteFileName), { readonly: true });
    try {
      const tables = db.prepare<[], { name: string }>("select name from sqlite_master where type = 'table'").all();
      expect(tables.map((t) => t.name)).not.toContain('backup_manifest');
    } finally {
      db.close();
    }
  });

  it('restores a backup whose photo file was already gone when it was made, naming the photo', async () => {
    const dataDir = join(root, 'lost-photo');
    const lost = await clinicWithPhoto(dataDir, 'Lost');
    rmSync(join(dataDir, ...lost.split('/')));
    const file = join(root, 'lost-photo.sqlite');
    expect(await backupCommand({ out: file }, captureIo(), { MESODESK_DATA_DIR: dataDir })).toBe(0);
    expect(manifestOf(file)).toMatchObject({ images: {}, missingImages: [lost] });
    const io = captureIo();
    expect(await restoreCommand(file, io, { MESODESK_DATA_DIR: join(root, 'lost-photo-restored') })).toBe(0);
    expect(io.stderr).toBe(
      `mesodesk: warning: ${lost} is named by a record but its file was already missing when the backup was made\n`,
    );
  });

  it('restores a backup from before manifests, warning that it could not check it', async () => {
    const dataDir = join(root, 'older');
    const file = tampered(backup, 'no-manifest', 'drop table backup_manifest');
    const io = captureIo();
    expect(await restoreCommand(file, io, { MESODESK_DATA_DIR: dataDir })).toBe(0);
    expect(io.stderr).toBe(
      `mesodesk: warning: ${file} has no manifest (a backup from an older mesodesk): its row counts and photos cannot be checked\n`,
    );
    expect(io.stdout).toMatch(/^Restored .* and 1 photo from/);
    expect(readFileSync(join(dataDir, ...path.split('/')))).toEqual(photoBytes);
  });
});

const postgres = testEngines.find((e) => e.engine === 'postgres');

describe.runIf(postgres)('a PostgreSQL backup', () => {
  it('carries its manifest in the image file beside the dump, which `restore --images-only` checks', async () => {
    if (!postgres) return;
    const { db, destroy } = await postgres.create();
    try {
      const dataDir = join(root, 'pg');
      const path = await clinicWithPhoto(dataDir, 'Dumped', db);
      const { rows } = await sql<{ name: string }>`select current_database() as name`.execute(db);
      const env = { MESODESK_DATA_DIR: dataDir, DATABASE_URL: databaseUrl(rows[0]?.name ?? '') };
      const dump = join(root, 'pg.dump');
      expect(await backupCommand({ out: dump }, captureIo(), env)).toBe(0);
      const archive = postgresImageArchive(dump);
      const manifest = manifestOf(archive);
      expect(manifest).toMatchObject({ migrations: Object.keys(migrations), images: { [path]: sha256(photoBytes) } });
      // Counted rows are for SQLite backups: pg_restore checks its own archive.
      expect(manifest.rowCounts).toBeUndefined();

      const restoreInto = join(root, 'pg-restored');
      const damaged = tampered(archive, 'pg-images-damaged', "update backup_images set bytes = x'00'");
      const refused = captureIo();
      expect(await restoreCommand(damaged, refused, { MESODESK_DATA_DIR: restoreInto }, { imagesOnly: true })).toBe(1);
      expect(refused.stderr).toMatch(/is damaged: photo .* SHA-256 differs/);
      expect(filesUnder(restoreInto)).toEqual([]);

      const io = captureIo();
      expect(await restoreCommand(archive, io, { MESODESK_DATA_DIR: restoreInto }, { imagesOnly: true })).toBe(0);
      expect(io.stderr).toBe('');
      expect(readFileSync(join(restoreInto, ...path.split('/')))).toEqual(photoBytes);
    } finally {
      await destroy();
    }
  });
});
