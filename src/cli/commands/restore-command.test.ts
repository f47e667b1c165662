import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createDatabase } from '../../storage/create-database.js';
import { lockDataDir } from '../../storage/data-dir-lock.js';
import { migrateToLatest } from '../../storage/migrate.js';
import { captureIo } from '../../test-support/capture-io.js';
import { backupCommand } from './backup-command.js';
import { restoreCommand } from './restore-command.js';

const root = mkdtempSync(join(tmpdir(), 'mesodesk-restore-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

async function clinicNames(dataDir: string): Promise<string[]> {
  const db = createDatabase({ engine: 'sqlite', file: join(dataDir, 'mesodesk.sqlite') });
  try {
    return (await db.selectFrom('clinics').select('name').orderBy('name').execute()).map((r) => r.name);
  } finally {
    await db.destroy();
  }
}

async function addClinic(dataDir: string, name: string): Promise<void> {
  const db = createDatabase({ engine: 'sqlite', file: join(dataDir, 'mesodesk.sqlite') });
  await migrateToLatest(db);
  const at = new Date().toISOString();
  await db.insertInto('clinics').values({ id: crypto.randomUUID(), name, created_at: at, updated_at: at }).execute();
  await db.destroy();
}

/** A patient with one before-photo on disk, as the photo routes store it; the photo's path. */
async function addPhoto(dataDir: string, bytes: Buffer): Promise<string> {
  const db = createDatabase({ engine: 'sqlite', file: join(dataDir, 'mesodesk.sqlite') });
  try {
    await migrateToLatest(db);
    const at = new Date().toISOString();
    const clinicId = crypto.randomUUID();
    const patientId = crypto.randomUUID();
    const photoId = crypto.randomUUID();
    await db
      .insertInto('clinics')
      .values({ id: clinicId, name: 'Photo clinic', created_at: at, updated_at: at })
      .execute();
    await db
      .insertInto('patients')
      .values({
        id: patientId,
        clinic_id: clinicId,
        first_name: 'P',
        last_name: 'Q',
        first_name_key: 'p',
        last_name_key: 'q',
        birth_date: '1990-01-01',
        sex: 'female',
        phone: null,
        phone_digits: null,
        email: null,
        created_at: at,
        updated_at: at,
      })
      .execute();
    const path = `photos/${patientId}/${photoId}.jpg`;
    await db
      .insertInto('photos')
      .values({
        id: photoId,
        patient_id: patientId,
        session_id: null,
        kind: 'before',
        file_path: path,
        mime: 'image/jpeg',
        created_by: null,
        created_at: at,
      })
      .execute();
    mkdirSync(join(dataDir, 'photos', patientId), { recursive: true });
    writeFileSync(join(dataDir, ...path.split('/')), bytes);
    return path;
  } finally {
    await db.destroy();
  }
}

describe('mesodesk restore', () => {
  it('brings back the photos with the records, and the restored database holds no copy of them', async () => {
    const dataDir = join(root, 'photos');
    const env = { MESODESK_DATA_DIR: dataDir };
    const bytes = Buffer.from('a clinical photo, byte for byte');
    const path = await addPhoto(dataDir, bytes);
    const backup = join(root, 'photos.sqlite');
    const made = captureIo();
    expect(await backupCommand({ out: backup }, made, env)).toBe(0);
    expect(made.stdout).toContain('Copied 1 photo in the backup');

    // The data folder is lost: only the backup is left.
    rmSync(dataDir, { recursive: true, force: true });
    const io = captureIo();
    expect(await restoreCommand(backup, io, env)).toBe(0);
    expect(io.stdout).toContain('and 1 photo from');
    expect(readFileSync(join(dataDir, ...path.split('/')))).toEqual(bytes);
    const db = createDatabase({ engine: 'sqlite', file: join(dataDir, 'mesodesk.sqlite') });
    try {
      const tables = await db.introspection.getTables();
      expect(tables.map((t) => t.name)).not.toContain('backup_images');
      expect(tables.map((t) => t.name)).toContain('photos');
    } finally {
      await db.destroy();
    }
  });

  it('warns about a photo whose file was already missing, and restores photos alone with --images-only', async () => {
    const dataDir = join(root, 'missing-photo');
    const env = { MESODESK_DATA_DIR: dataDir };
    const kept = await addPhoto(dataDir, Buffer.from('kept'));
    const lost = await addPhoto(dataDir, Buffer.from('lost'));
    rmSync(join(dataDir, ...lost.split('/')));
    const backup = join(root, 'missing-photo.sqlite');
    const made = captureIo();
    expect(await backupCommand({ out: backup }, made, env)).toBe(0);
    expect(made.stdout).toContain('Copied 1 photo in the backup');
    expect(made.stderr).toContain(`mesodesk: warning: ${lost} is named by a record but its file is missing`);

    rmSync(join(dataDir, 'photos'), { recursive: true, force: true });
    const io = captureIo();
    expect(await restoreCommand(backup, io, env, { imagesOnly: true })).toBe(0);
    expect(io.stdout).toMatch(/^Restored 1 photo from /);
    expect(readFileSync(join(dataDir, ...kept.split('/'))).toString()).toBe('kept');
    expect(existsSync(join(dataDir, ...lost.split('/')))).toBe(false);
    const junk = join(root, 'junk-images.sqlite');
    writeFileSync(junk, 'not a database');
    const bad = captureIo();
    expect(await restoreCommand(junk, bad, env, { imagesOnly: true })).toBe(1);
    expect(bad.stderr).toMatch(/^mesodesk: .*is not a readable backup/);
  });

  it('round-trips: backup, change, restore brings the backed-up state back and keeps the replaced one', async () => {
    const dataDir = join(root, 'round-trip');
    const env = { MESODESK_DATA_DIR: dataDir };
    await addClinic(dataDir, 'Before');
    const backup = join(root, 'round-trip.sqlite');
    expect(await backupCommand({ out: backup }, captureIo(), env)).toBe(0);
    await addClinic(dataDir, 'After');
    expect(await clinicNames(dataDir)).toEqual(['After', 'Before']);

    const io = captureIo();
    expect(await restoreCommand(backup, io, env)).toBe(0);
    expect(io.stdout).toMatch(/previous database is kept at .*before-restore-/);
    expect(await clinicNames(dataDir)).toEqual(['Before']);
    expect(readdirSync(dataDir).some((f) => f.includes('before-restore-'))).toBe(true);
  });

  it('refuses a file that is not a mesodesk SQLite backup, changing nothing', async () => {
    const dataDir = join(root, 'bad-file');
    await addClinic(dataDir, 'Kept');
    const junk = join(root, 'junk.sqlite');
    writeFileSync(junk, 'not a database');
    const io = captureIo();
    expect(await restoreCommand(junk, io, { MESODESK_DATA_DIR: dataDir })).toBe(1);
    expect(io.stderr).toMatch(/^mesodesk: .*not a readable SQLite database/);
    expect(await restoreCommand(join(root, 'missing.sqlite'), captureIo(), { MESODESK_DATA_DIR: dataDir })).toBe(1);
    expect(await clinicNames(dataDir)).toEqual(['Kept']);
  });

  it('refuses while a server holds the data folder', async () => {
    const dataDir = join(root, 'in-use');
    await addClinic(dataDir, 'Live');
    const backup = join(root, 'in-use.sqlite');
    await backupCommand({ out: backup }, captureIo(), { MESODESK_DATA_DIR: dataDir });
    // A live process other than this one: the test runner's parent.
    const release = lockDataDir(dataDir, process.ppid);
    try {
      const io = captureIo();
      expect(await restoreCommand(backup, io, { MESODESK_DATA_DIR: dataDir })).toBe(1);
      expect(io.stderr).toMatch(/in use by process \d+; stop the server/);
    } finally {
      release();
    }
  });

  it('points PostgreSQL users to pg_restore', async () => {
    const io = captureIo();
    expect(await restoreCommand(join(root, 'x.dump'), io, { DATABASE_URL: 'postgres://127.0.0.1/test' })).toBe(1);
    expect(io.stderr).toMatch(/pg_restore/);
  });
});
