import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createDatabase } from '../../storage/create-database.js';
import { migrateToLatest } from '../../storage/migrate.js';
import { backupCommand } from './backup-command.js';
import type { CliIo } from '../cli-io.js';

const dir = mkdtempSync(join(tmpdir(), 'mesodesk-backup-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function captureIo(): CliIo & { lines: string[]; errors: string[] } {
  const lines: string[] = [];
  const errors: string[] = [];
  return { lines, errors, out: (t) => void lines.push(t), err: (t) => void errors.push(t), readStdin: async () => '' };
}

describe('mesodesk backup', () => {
  it('backs up the SQLite database of the data folder', async () => {
    const db = createDatabase({ engine: 'sqlite', file: join(dir, 'mesodesk.sqlite') });
    await migrateToLatest(db);
    await db.destroy();
    const io = captureIo();
    expect(await backupCommand({ out: join(dir, 'copy.sqlite') }, io, { MESODESK_DATA_DIR: dir })).toBe(0);
    expect(io.lines[0]).toContain('copy.sqlite');
    expect(statSync(join(dir, 'copy.sqlite')).size).toBeGreaterThan(0);
    expect(await backupCommand({}, captureIo(), { MESODESK_DATA_DIR: dir })).toBe(0);
  });

  it('explains what went wrong', async () => {
    const io = captureIo();
    expect(await backupCommand({}, io, { MESODESK_DATA_DIR: join(dir, 'empty') })).toBe(1);
    expect(io.errors[0]).toMatch(/no database/);
    expect(await backupCommand({}, captureIo(), { DATABASE_URL: 'mysql://x' })).toBe(1);
  });
});
