import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createDatabase } from '../../storage/create-database.js';
import { lockDataDir } from '../../storage/data-dir-lock.js';
import { captureIo } from '../../test-support/capture-io.js';
import { testKnowledgeBase, testPasswordHashing } from '../../test-support/test-app.js';
import { testEngines } from '../../test-support/test-databases.js';
import { seedLargeCommand, type SeedLargeCommandDeps } from './seed-large-command.js';

const dir = mkdtempSync(join(tmpdir(), 'mesodesk-seed-large-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const deps: SeedLargeCommandDeps = {
  knowledgeBase: testKnowledgeBase(),
  passwordHashing: testPasswordHashing,
  now: new Date('2026-11-23T09:00:00Z'),
};
const sqliteOnly = testEngines.some((e) => e.engine === 'sqlite') ? it : it.skip;

describe('mesodesk seed-large', () => {
  sqliteOnly('generates a clinic into the SQLite database of the data folder and says how to sign in', async () => {
    const dataDir = join(dir, 'ok');
    const io = captureIo();
    const code = await seedLargeCommand(
      { patients: '1_20', clinic: 'Command Clinic', password: 'a long enough password', progress: false },
      io,
      { MESODESK_DATA_DIR: dataDir },
      deps,
    );
    expect(code, io.stderr).toBe(0);
    expect(io.stderr).toContain('Generating 120 patients for "Command Clinic" in SQLite');
    expect(io.stdout).toMatch(/Generated clinic "Command Clinic" \(.+\) in [\d.]+ s: 120 patients, [\d,]+ rows/);
    expect(io.stdout).toMatch(/ {2}treatment_sessions: \d/);
    expect(io.stdout).toContain('admin@command-clinic.example (admin)');
    expect(io.stdout).toContain('with the password given');
    const db = createDatabase({ engine: 'sqlite', file: join(dataDir, 'mesodesk.sqlite') });
    try {
      expect(await db.selectFrom('patients').select(db.fn.countAll().as('n')).executeTakeFirst()).toEqual({ n: 120 });
    } finally {
      await db.destroy();
    }

    // Without --password, a random one is made and printed (once).
    const again = captureIo();
    expect(
      await seedLargeCommand(
        { patients: '3', clinic: 'Other Clinic', progress: false },
        again,
        { MESODESK_DATA_DIR: dataDir },
        deps,
      ),
    ).toBe(0);
    expect(again.stdout).toMatch(/with the password [A-Za-z0-9_-]{16}\./);
  });

  sqliteOnly('spreads the practitioners over locations of the size asked for', async () => {
    const dataDir = join(dir, 'per-location');
    const io = captureIo();
    // 4,000 patients make three practitioners (one per 1,500): one location of two, one of one.
    const code = await seedLargeCommand(
      { patients: '4000', clinic: 'Wide Clinic', practitionersPerLocation: '2', progress: false },
      io,
      { MESODESK_DATA_DIR: dataDir },
      deps,
    );
    expect(code, io.stderr).toBe(0);
    const db = createDatabase({ engine: 'sqlite', file: join(dataDir, 'mesodesk.sqlite') });
    try {
      const perLocation = await db
        .selectFrom('rooms')
        .select(['location_id', db.fn.countAll<number>().as('rooms')])
        .groupBy('location_id')
        .execute();
      expect(perLocation.map((l) => Number(l.rooms)).sort()).toEqual([1, 2]);
    } finally {
      await db.destroy();
    }
  });

  it('names each invalid option', async () => {
    const io = captureIo();
    expect(
      await seedLargeCommand(
        {
          patients: 'many',
          seed: '-1',
          clinic: ' ',
          password: 'short',
          practitionersPerLocation: '0',
          progress: false,
        },
        io,
        { MESODESK_DATA_DIR: dir },
        deps,
      ),
    ).toBe(2);
    expect(io.stderr).toContain('--patients must be a whole number, not "many"');
    expect(io.stderr).toContain('--seed must be a whole number');
    expect(io.stderr).toContain('--clinic must not be empty');
    expect(io.stderr).toContain('--practitioners-per-location must be at least 1');
    expect(io.stderr).toContain('--password must be at least 10 characters');
    const missing = captureIo();
    expect(await seedLargeCommand({ progress: false }, missing, { MESODESK_DATA_DIR: dir }, deps)).toBe(2);
    expect(missing.stderr).toContain('--patients is required');
    const zero = captureIo();
    expect(await seedLargeCommand({ patients: '0', progress: false }, zero, { MESODESK_DATA_DIR: dir }, deps)).toBe(2);
    expect(zero.stderr).toContain('--patients must be at least 1');
  });

  it('explains what went wrong with the database', async () => {
    const io = captureIo();
    expect(await seedLargeCommand({ patients: '5', progress: false }, io, { DATABASE_URL: 'mysql://x' }, deps)).toBe(1);
    expect(io.stderr).toMatch(/^mesodesk: DATABASE_URL must start with postgres/);

    const busy = join(dir, 'busy');
    const release = lockDataDir(busy, process.ppid);
    try {
      const locked = captureIo();
      expect(
        await seedLargeCommand({ patients: '5', progress: false }, locked, { MESODESK_DATA_DIR: busy }, deps),
      ).toBe(1);
      expect(locked.stderr).toMatch(/in use by process/);
    } finally {
      release();
    }
  });
});
