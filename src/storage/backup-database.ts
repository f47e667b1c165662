import { spawn } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import pg from 'pg';
import { withDefaultUser } from './create-database.js';
import { archiveImages, postgresImageArchive, type ImageCopy } from './backup-images.js';
import { appliedMigrations, countRows, writeManifest, type BackupManifest } from './backup-manifest.js';
import type { DatabaseConfig } from './database-config.js';
import { createPrivateFile, makePrivateDir } from './private-files.js';

export class BackupError extends Error {
  override name = 'BackupError';
}

/** `mesodesk-2026-11-22T09-30-00Z.sqlite` (or `.dump`) in `<data dir>/backups`. */
export function defaultBackupPath(config: DatabaseConfig, dataDir: string, now: Date = new Date()): string {
  const stamp = now
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/:/g, '-');
  return join(dataDir, 'backups', `mesodesk-${stamp}.${config.engine === 'sqlite' ? 'sqlite' : 'dump'}`);
}

/** Pages per backup step: all that remain. */
const wholeDatabase = 0x7fffffff;

/**
 * SQLite's online backup: a consistent copy while the server keeps running (WAL included), which
 * copying the file would not give. In one step: the backup starts over whenever another connection
 * writes between two steps, so small steps never finish on a busy server. One step reads a single
 * snapshot, and WAL lets the server go on writing meanwhile.
 */
async function backupSqlite(file: string, destination: string): Promise<void> {
  if (!existsSync(file))
    throw new BackupError(`no database at ${file} (has the server been started with this data folder?)`);
  const source = new SqliteDatabase(file, { readonly: true, fileMustExist: true });
  try {
    await source.backup(destination, { progress: () => wholeDatabase });
  } finally {
    source.close();
  }
}

/** libpq's environment variables for a postgres:// URL. */
export function libpqEnv(url: string): Record<string, string> {
  const u = new URL(withDefaultUser(url));
  const env: Record<string, string> = {};
  if (u.hostname) env.PGHOST = decodeURIComponent(u.hostname.replace(/^\[|\]$/g, ''));
  if (u.port) env.PGPORT = u.port;
  if (u.username) env.PGUSER = decodeURIComponent(u.username);
  if (u.password) env.PGPASSWORD = decodeURIComponent(u.password);
  const database = decodeURIComponent(u.pathname.replace(/^\//, ''));
  if (database) env.PGDATABASE = database;
  const sslmode = u.searchParams.get('sslmode');
  if (sslmode) env.PGSSLMODE = sslmode;
  return env;
}

/** pg_dump's custom format (restore with pg_restore). Credentials go in the environment, not on a command line others can see. */
function backupPostgres(url: string, destination: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('pg_dump', ['--format=custom', '--no-owner', `--file=${destination}`], {
      env: { ...process.env, ...libpqEnv(url) },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', (error: NodeJS.ErrnoException) =>
      reject(
        new BackupError(
          error.code === 'ENOENT' ? 'pg_dump is not installed (install the PostgreSQL client tools)' : error.message,
        ),
      ),
    );
    child.on('close', (code) =>
      code === 0 ? resolve() : reject(new BackupError(`pg_dump failed (exit ${code}): ${stderr.trim()}`)),
    );
  });
}

export interface BackupResult {
  /**
   * The images the backup refers to, copied into it (SQLite) or into `archive` beside it
   * (PostgreSQL), where its manifest is written too (backup-manifest.ts).
   */
  images?: ImageCopy & { archive: string };
}

/** The migrations a PostgreSQL database has run (read after pg_dump: none runs while a server is up). */
async function postgresMigrations(url: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: withDefaultUser(url) });
  await client.connect();
  try {
    return (await client.query<{ name: string }>('select name from kysely_migration order by name')).rows.map(
      (r) => r.name,
    );
  } finally {
    await client.end();
  }
}

/** Writes the manifest into `archive`: for SQLite the backup itself, whose rows and migrations it counts. */
async function addManifest(config: DatabaseConfig, archive: string, images: ImageCopy, now: Date): Promise<void> {
  const migrations = config.engine === 'postgres' ? await postgresMigrations(config.url) : undefined;
  const db = new SqliteDatabase(archive);
  try {
    const manifest: BackupManifest = {
      format: 1,
      createdAt: now.toISOString(),
      ...(migrations ? {} : { rowCounts: countRows(db) }),
      migrations: migrations ?? appliedMigrations(db),
      images: images.hashes,
      missingImages: images.missing,
    };
    writeManifest(db, manifest);
  } finally {
    db.close();
  }
}

/**
 * Writes a consistent backup of the database to `destination` (its folder is created). Given the data
 * folder, the photos the records refer to go with it, so a restore loses none of them, and a manifest
 * of what it holds, for the restore to check it by. The backup's files are the owner's only (0600,
 * in a 0700 folder when it makes one), from before anything is written into them; a backup that fails
 * leaves none of them behind.
 */
export async function backupDatabase(
  config: DatabaseConfig,
  destination: string,
  options: { dataDir?: string; now?: Date } = {},
): Promise<BackupResult> {
  const archive = config.engine === 'sqlite' ? destination : postgresImageArchive(destination);
  const files = options.dataDir === undefined ? [destination] : [...new Set([destination, archive])];
  for (const file of files) if (existsSync(file)) throw new BackupError(`${file} already exists; not overwriting it`);
  makePrivateDir(dirname(destination));
  const made: string[] = [];
  try {
    for (const file of files) {
      createPrivateFile(file);
      made.push(file);
    }
    if (config.engine === 'sqlite') await backupSqlite(config.file, destination);
    else await backupPostgres(config.url, destination);
    if (options.dataDir === undefined) return {};
    const images = await archiveImages(config, archive, options.dataDir);
    await addManifest(config, archive, images, options.now ?? new Date());
    return { images: { archive, ...images } };
  } catch (error) {
    for (const file of made) rmSync(file, { force: true });
    throw error;
  }
}
