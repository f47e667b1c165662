import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dataDirHolder, DataDirLockError, lockDataDir } from './data-dir-lock.js';

describe('data folder lock', () => {
  it('lets one process hold the folder and refuses a second one until released', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lock-'));
    const release = lockDataDir(dir, process.ppid);
    expect(dataDirHolder(dir)).toBe(process.ppid);
    expect(() => lockDataDir(dir)).toThrow(DataDirLockError);
    release();
    expect(dataDirHolder(dir)).toBeUndefined();
    lockDataDir(dir)();
  });

  it('ignores a lock left by a process that has died', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lock-'));
    writeFileSync(join(dir, 'mesodesk.pid'), '2147483646\n');
    expect(dataDirHolder(dir)).toBeUndefined();
    expect(() => lockDataDir(dir)()).not.toThrow();
  });
});
