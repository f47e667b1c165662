import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
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

describe('mesodesk restore', () => {
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
    expect(io.stderr).toMatch(/^mesodesk restore: .*not a readable SQLite database/);
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
