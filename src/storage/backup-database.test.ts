import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultTestPostgresUrl, testEngines } from '../test-support/test-databases.js';
import { backupDatabase, defaultBackupPath, libpqEnv } from './backup-database.js';
import { createDatabase } from './create-database.js';
import { migrateToLatest } from './migrate.js';
import { createRepositories } from './repositories/repositories.js';

const dir = mkdtempSync(join(tmpdir(), 'mesodesk-backup-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('backupDatabase', () => {
  it('names backups by time, per engine', () => {
    const at = new Date('2026-11-22T09:30:00.123Z');
    expect(defaultBackupPath({ engine: 'sqlite', file: 'x' }, '/data', at)).toBe(
      '/data/backups/mesodesk-2026-11-22T09-30-00Z.sqlite',
    );
    expect(defaultBackupPath({ engine: 'postgres', url: 'postgres://x/y' }, '/data', at)).toBe(
      '/data/backups/mesodesk-2026-11-22T09-30-00Z.dump',
    );
  });

  it('passes PostgreSQL URLs to pg_dump as libpq variables', () => {
    expect(libpqEnv('postgres://ann:p%40ss@db.example:6543/clinic?sslmode=require')).toEqual({
      PGHOST: 'db.example',
      PGPORT: '6543',
      PGUSER: 'ann',
      PGPASSWORD: 'p@ss',
      PGDATABASE: 'clinic',
      PGSSLMODE: 'require',
    });
  });

  it.runIf(testEngines.some((e) => e.engine === 'sqlite'))('copies a live SQLite database consistently', async () => {
    const file = join(dir, 'live.sqlite');
    const db = createDatabase({ engine: 'sqlite', file });
    try {
      await migrateToLatest(db);
      await createRepositories(db).clinics.create({ name: 'Backed up' });
      const destination = join(dir, 'backups', 'copy.sqlite');
      await backupDatabase({ engine: 'sqlite', file }, destination);
      const copy = createDatabase({ engine: 'sqlite', file: destination });
      expect((await createRepositories(copy).clinics.list()).map((c) => c.name)).toEqual(['Backed up']);
      await copy.destroy();
      await expect(backupDatabase({ engine: 'sqlite', file }, destination)).rejects.toThrow(/already exists/);
    } finally {
      await db.destroy();
    }
    await expect(
      backupDatabase({ engine: 'sqlite', file: join(dir, 'missing.sqlite') }, join(dir, 'none.sqlite')),
    ).rejects.toThrow(/no database/);
  });

  it.runIf(testEngines.some((e) => e.engine === 'postgres'))('dumps PostgreSQL with pg_dump', async () => {
    const engine = testEngines.find((e) => e.engine === 'postgres');
    if (!engine) return;
    const { db, destroy } = await engine.create();
    try {
      await createRepositories(db).clinics.create({ name: 'Dumped' });
      const url = new URL(process.env.TEST_POSTGRES_URL || defaultTestPostgresUrl);
      const { rows } = await sql<{ name: string }>`select current_database() as name`.execute(db);
      url.pathname = `/${rows[0]?.name ?? ''}`;
      const destination = join(dir, 'pg', 'dump.dump');
      await backupDatabase({ engine: 'postgres', url: url.toString() }, destination);
      expect(readFileSync(destination).subarray(0, 5).toString()).toBe('PGDMP');
    } finally {
      await destroy();
    }
  });
});
