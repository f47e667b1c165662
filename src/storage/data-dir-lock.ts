import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makePrivateDir, privateFileMode } from './private-files.js';

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

/**
 * When the process started, where the system tells (Linux: the boot's id and the start time in clock
 * ticks since boot), so that a pid taken over by another process - after a container restart, say - is
 * not mistaken for the server that wrote the lock. Undefined where it cannot be read.
 */
function processStart(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces) start at the third, the state; the 22nd is the start time.
    const startTime = stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
    const bootId = readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
    return startTime ? `${bootId}/${startTime}` : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The pid of a live process holding the data folder, if any; a lock left by a crashed process does
 * not count, nor one whose pid now belongs to a process started later.
 */
export function dataDirHolder(dataDir: string): number | undefined {
  const file = join(dataDir, LOCK_FILE);
  if (!existsSync(file)) return undefined;
  const [pidLine = '', startedLine = ''] = readFileSync(file, 'utf8').split('\n');
  const pid = Number(pidLine.trim());
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return undefined;
  const recorded = startedLine.trim();
  const current = recorded ? processStart(pid) : undefined;
  return current !== undefined && current !== recorded ? undefined : pid;
}

/**
 * Claims the data folder for this process, so two servers never share one SQLite file and a restore
 * never replaces a database under a running server. Returns the release function.
 */
export function lockDataDir(dataDir: string, pid: number = process.pid): () => void {
  makePrivateDir(dataDir);
  const holder = dataDirHolder(dataDir);
  if (holder !== undefined && holder !== pid)
    throw new DataDirLockError(`the data folder ${dataDir} is in use by process ${holder}`);
  const file = join(dataDir, LOCK_FILE);
  const started = processStart(pid);
  writeFileSync(file, started ? `${pid}\n${started}\n` : `${pid}\n`, { mode: privateFileMode });
  return () => {
    if (existsSync(file) && readFileSync(file, 'utf8').split('\n')[0]?.trim() === String(pid))
      rmSync(file, { force: true });
  };
}
