import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createDatabase } from '../../storage/create-database.js';
import { lockDataDir } from '../../storage/data-dir-lock.js';
import { migrateToLatest } from '../../storage/migrate.js';
import { createRepositories } from '../../storage/repositories/repositories.js';
import { seedFirstAdmin } from '../../storage/seed/seed-first-admin.js';
import { captureIo } from '../../test-support/capture-io.js';
import { testKnowledgeBase, testPasswordHashing } from '../../test-support/test-app.js';
import { runCli } from '../run-cli.js';
import { demoCommand } from './demo-command.js';

const root = mkdtempSync(join(tmpdir(), 'mesodesk-demo-command-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const deps = { knowledgeBase: testKnowledgeBase(), passwordHashing: testPasswordHashing };
const env = {};

async function withDb<T>(dataDir: string, work: (repos: ReturnType<typeof createRepositories>) => Promise<T>) {
  const db = createDatabase({ engine: 'sqlite', file: join(dataDir, 'mesodesk.sqlite') });
  try {
    await migrateToLatest(db);
    return await work(createRepositories(db));
  } finally {
    await db.destroy();
  }
}

const passwordsIn = (text: string) => [...text.matchAll(/\b(?:[a-z]+-){5}\d{2}\b/g)].map((m) => m[0]);

describe('mesodesk demo', () => {
  it('makes the demo in a new folder, then resets it (new logins, what was added is gone, backups stay)', async () => {
    const dataDir = join(root, 'fresh', 'data');
    const first = captureIo();
    expect(await demoCommand({ dataDir }, first, env, deps), first.stderr).toBe(0);
    expect(first.stdout).toContain(`Made the demo clinic in ${dataDir}`);
    expect(first.stdout).toContain('admin@demo-clinic.example');
    expect(first.stdout).toContain('(patient portal)');
    const firstPasswords = passwordsIn(first.stdout);
    expect(firstPasswords).toHaveLength(5);
    expect(readdirSync(join(dataDir, 'photos')).length).toBeGreaterThan(0);

    // Trying things out: a patient added, a backup taken.
    await withDb(dataDir, async (repos) => {
      const [clinic] = await repos.clinics.list();
      await repos.patients.create({
        clinicId: clinic?.id ?? '',
        firstName: 'Added',
        lastName: 'Whiletrying',
        birthDate: '1990-01-01',
        sex: 'female',
      });
    });
    mkdirSync(join(dataDir, 'backups'));
    writeFileSync(join(dataDir, 'backups', 'keep.sqlite'), 'backup');

    const again = captureIo();
    expect(await demoCommand({ dataDir }, again, env, deps), again.stderr).toBe(0);
    expect(again.stdout).toContain(`Reset the demo clinic in ${dataDir}`);
    const newPasswords = passwordsIn(again.stdout);
    expect(newPasswords).toHaveLength(5);
    expect(newPasswords.filter((p) => firstPasswords.includes(p))).toEqual([]);
    await withDb(dataDir, async (repos) => {
      expect(await repos.clinics.count()).toBe(1);
      const names = (
        await repos.patients.search({ clinicId: (await repos.clinics.list())[0]?.id ?? '', limit: 100, offset: 0 })
      ).map((p) => p.lastName);
      expect(names).toHaveLength(20);
      expect(names).not.toContain('Whiletrying');
    });
    expect(existsSync(join(dataDir, 'backups', 'keep.sqlite'))).toBe(true);
  }, 120_000);

  it('refuses a folder holding a clinic the demo did not make, and leaves it as it was', async () => {
    const dataDir = join(root, 'real');
    mkdirSync(dataDir);
    await withDb(dataDir, (repos) =>
      seedFirstAdmin(repos, { email: 'boss@clinic.example', passwordHash: 'x', clinicName: 'Real Clinic' }),
    );
    const io = captureIo();
    expect(await demoCommand({ dataDir }, io, env, deps)).toBe(1);
    expect(io.stderr).toBe(
      `mesodesk: ${dataDir} holds the clinic data of "Real Clinic", not the demo: mesodesk demo resets only a folder the demo made. Give it a new or empty folder with --data-dir, or move this one away first\n`,
    );
    expect(io.stdout).toBe('');
    await withDb(dataDir, async (repos) => {
      expect((await repos.clinics.list()).map((c) => c.name)).toEqual(['Real Clinic']);
    });
  });

  it('refuses photos without a database, a folder a server runs on, and PostgreSQL', async () => {
    const photos = join(root, 'photos-only');
    mkdirSync(join(photos, 'photos', 'someone'), { recursive: true });
    writeFileSync(join(photos, 'photos', 'someone', 'a.jpg'), 'jpeg');
    const io = captureIo();
    expect(await demoCommand({ dataDir: photos }, io, env, deps)).toBe(1);
    expect(io.stderr).toContain('holds photos but no database, not the demo');
    expect(existsSync(join(photos, 'photos', 'someone', 'a.jpg'))).toBe(true);

    const running = join(root, 'running');
    mkdirSync(running);
    // The parent process stands for a server holding the folder.
    const unlock = lockDataDir(running, process.ppid);
    try {
      const locked = captureIo();
      expect(await demoCommand({ dataDir: running }, locked, env, deps)).toBe(1);
      expect(locked.stderr).toBe(`mesodesk: the data folder ${running} is in use by process ${process.ppid}\n`);
      expect(existsSync(join(running, 'mesodesk.sqlite'))).toBe(false);
    } finally {
      unlock();
    }

    const pg = captureIo();
    expect(await demoCommand({ dataDir: running }, pg, { DATABASE_URL: 'postgres://localhost/x' }, deps)).toBe(1);
    expect(pg.stderr).toContain('DATABASE_URL is set');
  });

  it('names a --data-dir that is a file as bad input', async () => {
    const file = join(root, 'a-file');
    writeFileSync(file, 'x');
    const io = captureIo();
    expect(await demoCommand({ dataDir: file }, io, env, deps)).toBe(2);
    expect(io.stderr).toBe(`mesodesk: --data-dir: ${file} is a file, not a folder\n`);
  });

  it('has help that says what it resets and what it refuses', async () => {
    const io = captureIo();
    expect(await runCli(['demo', '--help'], io)).toBe(0);
    expect(io.stdout).toContain('Usage: mesodesk demo [options]');
    expect(io.stdout).toContain('--data-dir <dir>');
    expect(io.stdout).toContain('refused with exit code 1');
    expect(io.stdout).toContain('Example: mesodesk demo --data-dir demo-data');
  });
});
