import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export class DataDirLockError extends Error {
  override name = 'DataDirLockError';
}

const LOCK_FILE = 'mesodesk.pid';

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The pid of a live process holding the data folder, if any; a lock left by a crashed process does not count. */
export function dataDirHolder(dataDir: string): number | undefined {
  const file = join(dataDir, LOCK_FILE);
  if (!existsSync(file)) return undefined;
  const pid = Number(readFileSync(file, 'utf8').trim());
  return Number.isInteger(pid) && pid > 0 && isAlive(pid) ? pid : undefined;
}

/**
 * Claims the data folder for this process, so two servers never share one SQLite file and a restore
 * never replaces a database under a running server. Returns the release function.
 */
export function lockDataDir(dataDir: string, pid: number = process.pid): () => void {
  mkdirSync(dataDir, { recursive: true });
  const holder = dataDirHolder(dataDir);
  if (holder !== undefined && holder !== pid) throw new DataDirLockError(`the data folder ${dataDir} is in use by process ${holder}`);
  const file = join(dataDir, LOCK_FILE);
  writeFileSync(file, `${pid}\n`);
  return () => {
    if (existsSync(file) && readFileSync(file, 'utf8').trim() === String(pid)) rmSync(file, { force: true });
  };
}
