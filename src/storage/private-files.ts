import { chmodSync, closeSync, lstatSync, mkdirSync, openSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The data folder holds health data (the SQLite database, photos, backups): readable by the
 * server's account only. Files are 0600 and folders 0700 from the moment they are made, whatever
 * the umask, and the server tightens what it finds at start (`tightenDataFolder`).
 */
export const privateFileMode = 0o600;
export const privateDirMode = 0o700;

const othersMayUse = (mode: number) => (mode & 0o077) !== 0;

/** `mkdir -p` whose new folders are 0700 (folders that exist keep their mode: `tightenDataFolder` sees to those). */
export function makePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: privateDirMode });
}

/**
 * Creates `file` empty and 0600 if it is not there, and makes an existing one 0600. Before SQLite
 * opens a database: SQLite gives the `-wal`, `-shm` and journal files the mode of the database file,
 * and a file it creates itself would be 0644.
 */
export function makePrivateFile(file: string): void {
  closeSync(openSync(file, 'a', privateFileMode));
  if (othersMayUse(lstatSync(file).mode)) chmodSync(file, privateFileMode);
}

/**
 * Creates `file` empty and 0600, refusing one that exists (`wx`): for a backup, which must not
 * overwrite anything. SQLite and pg_dump then write into it and keep its mode.
 */
export function createPrivateFile(file: string): void {
  closeSync(openSync(file, 'wx', privateFileMode));
}

/**
 * Makes the data folder 0700 and every file and folder in it 0600 and 0700, wherever group or
 * others had any access (a folder made before this was kept, a backup copied in by hand). Photos
 * are made private as they are stored, so their folder is tightened but not walked: it may hold a
 * million files. Symbolic links are left alone. Returns what it changed, and what it could not
 * (not the server's to change, say) with why.
 */
export function tightenDataFolder(dataDir: string): { changed: string[]; failed: { path: string; error: string }[] } {
  const changed: string[] = [];
  const failed: { path: string; error: string }[] = [];
  const tighten = (path: string, walk: boolean) => {
    let stats;
    try {
      stats = lstatSync(path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') failed.push({ path, error: (error as Error).message });
      return;
    }
    if (stats.isSymbolicLink() || !(stats.isFile() || stats.isDirectory())) return;
    if (othersMayUse(stats.mode)) {
      try {
        chmodSync(path, stats.isDirectory() ? privateDirMode : privateFileMode);
        changed.push(path);
      } catch (error) {
        failed.push({ path, error: (error as Error).message });
      }
    }
    if (!stats.isDirectory() || !walk) return;
    let names: string[];
    try {
      names = readdirSync(path);
    } catch (error) {
      failed.push({ path, error: (error as Error).message });
      return;
    }
    for (const name of names) tighten(join(path, name), !(path === dataDir && name === 'photos'));
  };
  tighten(dataDir, true);
  return { changed, failed };
}
