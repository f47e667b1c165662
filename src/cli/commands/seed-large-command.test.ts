import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createDatabase, type Db } from '../../storage/create-database.js';
import { lockDataDir } from '../../storage/data-dir-lock.js';
import { captureIo } from '../../test-support/capture-io.js';
import { testKnowledgeBase, testPasswordHashing } from '../../test-support/test-app.js';
import { testEngines } from '../../test-support/test-databases.js';
import type { Env } from '../../storage/database-config.js';
import { seedLargeCommand, type SeedLargeCommandDeps, type SeedLargeCommandOptions } from './seed-large-command.js';

const dir = mkdtempSync(join(tmpdir(), 'mesodesk-seed-large-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const deps: SeedLargeCommandDeps = {
  knowledgeBase: testKnowledgeBase(),
  passwordHashing: testPasswordHashing,
  now: new Date('2026-11-23T09:00:00Z'),
};
const sqliteOnly = testEngines.some((e) => e.engine === 'sqlite') ? it : it.skip;

/** `mesodesk seed-large` without its progress bar, into `env` (the test folder's data folder unless told). */
async function seedLarge(opts: SeedLargeCommandOptions, env: Env = { MESODESK_DATA_DIR: dir }) {
  const io = captureIo();
  const code = await seedLargeCommand({ ...opts, progress: false }, io, env, deps);
  return { code, io };
}

/** Reads the SQLite database that seed-large wrote into `dataDir`. */
async function readSeeded<T>(dataDir: string, read: (db: Db) => Promise<T>): Promise<T> {
  const db = createDatabase({ engine: 'sqlite', file: join(dataDir, 'mesodesk.sqlite') });
  try {
    return await read(db);
  } finally {
    await db.destroy();
  }
}

describe('mesodesk seed-large', () => {
  sqliteOnly('generates a clinic into the SQLite database of the data folder and says how to sign in', async () => {
    const dataDir = join(dir, 'ok');
    const { code, io } = await seedLarge(
      { patients: '1_20', clinic: 'Command Clinic', password: 'a long enough password' },
      { MESODESK_DATA_DIR: dataDir },
    );
    expect(code, io.stderr).toBe(0);
    expect(io.stderr).toContain('Generating 120 patients for "Command Clinic" in SQLite');
    expect(io.stdout).toMatch(/Generated clinic "Command Clinic" \(.+\) in [\d.]+ s: 120 patients, [\d,]+ rows/);
    expect(io.stdout).toMatch(/ {2}treatment_sessions: \d/);
    expect(io.stdout).toContain('admin@command-clinic.example (admin)');
    expect(io.stdout).toContain('with the password given');
    const patients = await readSeeded(dataDir, (db) =>
      db.selectFrom('patients').select(db.fn.countAll().as('n')).executeTakeFirst(),
    );
    expect(patients).toEqual({ n: 120 });

    // Without --password, a random one is made and printed (once).
    const again = await seedLarge({ patients: '3', clinic: 'Other Clinic' }, { MESODESK_DATA_DIR: dataDir });
    expect(again.code).toBe(0);
    expect(again.io.stdout).toMatch(/with the password [A-Za-z0-9_-]{16}\./);
  });

  sqliteOnly('spreads the practitioners over locations of the size asked for', async () => {
    const dataDir = join(dir, 'per-location');
    // 4,000 patients make three practitioners (one per 1,500): one location of two, one of one.
    const { code, io } = await seedLarge(
      { patients: '4000', clinic: 'Wide Clinic', practitionersPerLocation: '2' },
      { MESODESK_DATA_DIR: dataDir },
    );
    expect(code, io.stderr).toBe(0);
    const perLocation = await readSeeded(dataDir, (db) =>
      db
        .selectFrom('rooms')
        .select(['location_id', db.fn.countAll<number>().as('rooms')])
        .groupBy('location_id')
        .execute(),
    );
    expect(perLocation.map((l) => Number(l.rooms)).sort()).toEqual([1, 2]);
  });

  it('names each invalid option', async () => {
    const { code, io } = await seedLarge({
      patients: 'many',
      seed: '-1',
      clinic: ' ',
      password: 'short',
      practitionersPerLocation: '0',
    });
    expect(code).toBe(2);
    expect(io.stderr).toContain('--patients must be a whole number, not "many"');
    expect(io.stderr).toContain('--seed must be a whole number');
    expect(io.stderr).toContain('--clinic must not be empty');
    expect(io.stderr).toContain('--practitioners-per-location must be at least 1');
    expect(io.stderr).toContain('--password must be at least 10 characters');
    const missing = await seedLarge({});
    expect(missing.code).toBe(2);
    expect(missing.io.stderr).toContain('--patients is required');
    const zero = await seedLarge({ patients: '0' });
    expect(zero.code).toBe(2);
    expect(zero.io.stderr).toContain('--patients must be at least 1');
  });

  it('explains what went wrong with the database', async () => {
    const { code, io } = await seedLarge({ patients: '5' }, { DATABASE_URL: 'mysql://x' });
    expect(code).toBe(1);
    expect(io.stderr).toMatch(/^mesodesk: DATABASE_URL must start with postgres/);

    const busy = join(dir, 'busy');
    const release = lockDataDir(busy, process.ppid);
    try {
      const locked = await seedLarge({ patients: '5' }, { MESODESK_DATA_DIR: busy });
      expect(locked.code).toBe(1);
      expect(locked.io.stderr).toMatch(/in use by process/);
    } finally {
      release();
    }
  });
});
