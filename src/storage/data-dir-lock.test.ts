import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
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

  it.runIf(existsSync('/proc/self/stat'))('ignores a lock whose pid now belongs to a process started later', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lock-'));
    lockDataDir(dir, process.ppid);
    const [pid, started] = readFileSync(join(dir, 'mesodesk.pid'), 'utf8').split('\n');
    expect(started, 'the lock records when its process started').toMatch(/\/\d+$/);
    // The same pid, alive, but not the process that took the lock.
    writeFileSync(join(dir, 'mesodesk.pid'), `${pid}\n${started?.replace(/\d+$/, '1')}\n`);
    expect(dataDirHolder(dir)).toBeUndefined();
    expect(() => lockDataDir(dir)()).not.toThrow();
    // A lock written before start times were recorded still counts while its pid lives.
    writeFileSync(join(dir, 'mesodesk.pid'), `${process.ppid}\n`);
    expect(dataDirHolder(dir)).toBe(process.ppid);
  });

  it('ignores a lock left by a process that has died', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lock-'));
    writeFileSync(join(dir, 'mesodesk.pid'), '2147483646\n');
    expect(dataDirHolder(dir)).toBeUndefined();
    expect(() => lockDataDir(dir)()).not.toThrow();
  });
});
