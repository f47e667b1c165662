import { copyFileSync, existsSync, renameSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { dataDirHolder } from './data-dir-lock.js';
import { makePrivateDir, makePrivateFile } from './private-files.js';
import { checkImages, imageTable, restoreImages } from './backup-images.js';
import {
  appliedMigrations,
  manifestTable,
  readManifest,
  unknownMigrations,
  verifyDatabase,
  verifyImages,
} from './backup-manifest.js';
import type { DatabaseConfig } from './database-config.js';

export class RestoreError extends Error {
  override name = 'RestoreError';
}

/** The backup must be a sound SQLite file holding a mesodesk database; checked before anything is replaced. */
function checkBackup(file: string): void {
  if (!existsSync(file)) throw new RestoreError(`no backup at ${file}`);
  let db: SqliteDatabase.Database | undefined;
  try {
    db = new SqliteDatabase(file, { readonly: true, fileMustExist: true });
    const integrity = db.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') throw new RestoreError(`${file} fails SQLite's integrity check: ${String(integrity)}`);
    const hasPatients = db.prepare("select 1 from sqlite_master where type = 'table' and name = 'patients'").get();
    if (!hasPatients) throw new RestoreError(`${file} is a SQLite file but not a mesodesk database`);
  } catch (error) {
    if (error instanceof RestoreError) throw error;
    throw new RestoreError(`${file} is not a readable SQLite database (${(error as Error).message})`);
  } finally {
    db?.close();
  }
}

const damaged = (file: string, error: unknown) =>
  new RestoreError(`${file} is damaged: ${(error as Error).message}; nothing was restored`);

const noManifest = (file: string, what: string) =>
  `${file} has no manifest (a backup from an older mesodesk): ${what} cannot be checked`;

/** Runs `check` over the backup, read-only; any failure but a RestoreError means the backup is damaged. */
function inspect<T>(file: string, check: (db: SqliteDatabase.Database) => T): T {
  let db: SqliteDatabase.Database | undefined;
  try {
    db = new SqliteDatabase(file, { readonly: true, fileMustExist: true });
    return check(db);
  } catch (error) {
    throw error instanceof RestoreError ? error : damaged(file, error);
  } finally {
    db?.close();
  }
}

/**
 * Refuses a backup this version cannot run (migrations it does not know: the server would not
 * start on it) or one that does not match its manifest; a backup without a manifest passes with a
 * warning. Gives back the warnings.
 */
function verifyBackup(file: string): string[] {
  return inspect(file, (db) => {
    const unknown = unknownMigrations(appliedMigrations(db));
    if (unknown.length > 0)
      throw new RestoreError(
        `${file} was made by a newer mesodesk: this one does not know its migration${unknown.length === 1 ? '' : 's'} ` +
          `${unknown.join(', ')}; upgrade mesodesk before restoring it`,
      );
    const manifest = readManifest(db);
    if (!manifest) return [noManifest(file, 'its row counts and photos')];
    verifyDatabase(db, manifest);
    return manifest.missingImages.map(
      (path) => `${path} is named by a record but its file was already missing when the backup was made`,
    );
  });
}

/** Refuses while a server holds the data folder, or any process is writing to the database. */
function ensureNotInUse(file: string): void {
  const holder = dataDirHolder(dirname(file));
  if (holder !== undefined)
    throw new RestoreError(`the database at ${file} is in use by process ${holder}; stop the server before restoring`);
  if (!existsSync(file)) return;
  const db = new SqliteDatabase(file, { fileMustExist: true, timeout: 0 });
  try {
    db.exec('BEGIN EXCLUSIVE');
    db.exec('ROLLBACK');
  } catch {
    throw new RestoreError(`the database at ${file} is in use; stop the server before restoring`);
  } finally {
    db.close();
  }
}

/**
 * Replaces the SQLite database with a backup made by `mesodesk backup`. The current database is kept
 * beside it (`<file>.before-restore-<time>`), and the swap is a rename, so an interrupted restore
 * leaves either the old or the new database, never half of one. PostgreSQL backups are restored
 * with pg_restore.
 */
export function restoreDatabase(
  config: DatabaseConfig,
  backup: string,
  options: { dataDir?: string; now?: Date } = {},
): { keptPrevious?: string; images: number; warnings: string[] } {
  if (config.engine !== 'sqlite')
    throw new RestoreError('restore is for the SQLite store; for PostgreSQL use pg_restore with the .dump file');
  const now = options.now ?? new Date();
  const dataDir = options.dataDir ?? dirname(config.file);
  checkBackup(backup);
  try {
    checkImages(backup, dataDir);
  } catch (error) {
    throw new RestoreError(`${backup} carries photos that cannot be put back (${(error as Error).message})`);
  }
  const warnings = verifyBackup(backup);
  ensureNotInUse(config.file);
  makePrivateDir(dirname(config.file));
  const staging = `${config.file}.restoring`;
  copyFileSync(backup, staging);
  // A copy keeps the backup's mode, which may be anyone's to read (a backup from before, or copied by hand).
  makePrivateFile(staging);
  // The photos travel inside the backup: back into the data folder, and out of the database.
  const images = restoreImages(staging, dataDir);
  const db = new SqliteDatabase(staging, { fileMustExist: true });
  try {
    db.exec(`drop table if exists ${imageTable}`);
    db.exec(`drop table if exists ${manifestTable}`);
    // Gives back the space the photos took (a one-off cost of a restore).
    if (images > 0) db.exec('vacuum');
  } finally {
    db.close();
  }
  let keptPrevious: string | undefined;
  if (existsSync(config.file)) {
    // Fold the write-ahead log into the file first, so the kept copy is complete on its own.
    const current = new SqliteDatabase(config.file, { fileMustExist: true });
    current.pragma('wal_checkpoint(TRUNCATE)');
    current.close();
    keptPrevious = `${config.file}.before-restore-${now.toISOString().replace(/[:.]/g, '-')}`;
    renameSync(config.file, keptPrevious);
  }
  for (const suffix of ['-wal', '-shm']) rmSync(`${config.file}${suffix}`, { force: true });
  renameSync(staging, config.file);
  return keptPrevious ? { keptPrevious, images, warnings } : { images, warnings };
}

/**
 * `restore --images-only`: puts back the photos of an image file (beside a PostgreSQL dump, or a
 * SQLite backup's), all or none, once they match the file's manifest; warns when it has none.
 */
export function restoreImageArchive(archive: string, dataDir: string): { images: number; warnings: string[] } {
  const unreadable = (error: unknown) =>
    new RestoreError(`${archive} is not a readable backup (${(error as Error).message})`);
  try {
    checkImages(archive, dataDir);
  } catch (error) {
    throw unreadable(error);
  }
  const warnings = inspect(archive, (db) => {
    const manifest = readManifest(db);
    if (!manifest) return [noManifest(archive, 'its photos')];
    verifyImages(db, manifest);
    return [];
  });
  try {
    return { images: restoreImages(archive, dataDir), warnings };
  } catch (error) {
    throw unreadable(error);
  }
}
