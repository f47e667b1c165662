import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import pg from 'pg';
import { withDefaultUser } from './create-database.js';
import type { DatabaseConfig } from './database-config.js';
import { imageFile } from './image-files.js';

/** The table of a backup that carries the image files (photos, side-effect photos) it refers to. */
export const imageTable = 'backup_images';

export interface ImageCopy {
  copied: number;
  /** Paths named by the backup whose files were not there (deleted since, or lost before). */
  missing: string[];
  /** SHA-256 (hex) of each image copied, by path: for the backup's manifest. */
  hashes: Record<string, string>;
}

export const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

const pathsQuery = 'select file_path from photos union select file_path from side_effect_photos order by 1';

async function imagePaths(config: DatabaseConfig, sqliteFile: string): Promise<string[]> {
  if (config.engine === 'sqlite') {
    // From the backup itself: exactly the images its snapshot refers to.
    const db = new SqliteDatabase(sqliteFile, { readonly: true, fileMustExist: true });
    try {
      return db
        .prepare<[], { file_path: string }>(pathsQuery)
        .all()
        .map((r) => r.file_path);
    } finally {
      db.close();
    }
  }
  // After pg_dump: a superset of what its snapshot refers to (images are never changed, only added or removed).
  const client = new pg.Client({ connectionString: withDefaultUser(config.url) });
  await client.connect();
  try {
    return (await client.query<{ file_path: string }>(pathsQuery)).rows.map((r) => r.file_path);
  } finally {
    await client.end();
  }
}

/**
 * Copies the image files a backup refers to into `archive` (the SQLite backup itself, or for
 * PostgreSQL a SQLite file beside the dump), so a restore brings back the photos with the records.
 */
export async function archiveImages(
  config: DatabaseConfig,
  archive: string,
  dataDir: string,
  sqliteBackup = archive,
): Promise<ImageCopy> {
  const paths = await imagePaths(config, sqliteBackup);
  if (paths.length === 0) return { copied: 0, missing: [], hashes: {} };
  const db = new SqliteDatabase(archive);
  try {
    db.exec(`create table if not exists ${imageTable} (path text primary key, bytes blob not null)`);
    const insert = db.prepare(`insert or replace into ${imageTable} (path, bytes) values (?, ?)`);
    const missing: string[] = [];
    const hashes: Record<string, string> = {};
    db.transaction(() => {
      for (const path of paths) {
        const file = imageFile(dataDir, path);
        if (!existsSync(file)) {
          missing.push(path);
          continue;
        }
        const bytes = readFileSync(file);
        insert.run(path, bytes);
        hashes[path] = sha256(bytes);
      }
    })();
    return { copied: Object.keys(hashes).length, missing, hashes };
  } finally {
    db.close();
  }
}

function hasImageTable(db: SqliteDatabase.Database): boolean {
  return Boolean(db.prepare("select 1 from sqlite_master where type = 'table' and name = ?").get(imageTable));
}

/** Throws unless every image of the archive can be put back: a text path inside the photos folder, and bytes. */
function checkImageRows(db: SqliteDatabase.Database, dataDir: string): void {
  if (!hasImageTable(db)) return;
  const rows = db.prepare<[], { path: unknown; pathType: string; bytesType: string }>(
    `select path, typeof(path) as pathType, typeof(bytes) as bytesType from ${imageTable}`,
  );
  for (const row of rows.iterate()) {
    if (row.pathType !== 'text' || String(row.path).includes('\0'))
      throw new Error(`a photo path is not a file name: ${String(row.path)}`);
    imageFile(dataDir, String(row.path));
    if (row.bytesType !== 'blob') throw new Error(`photo ${String(row.path)} has no image bytes`);
  }
}

/** Refuses an archive whose images could not all be put back, before any is written (see checkImageRows). */
export function checkImages(archive: string, dataDir: string): void {
  const db = new SqliteDatabase(archive, { readonly: true, fileMustExist: true });
  try {
    checkImageRows(db, dataDir);
  } finally {
    db.close();
  }
}

/** Puts the images of an archive (a backup, or a PostgreSQL backup's image file) back into the data folder; how many. */
export function restoreImages(archive: string, dataDir: string): number {
  const db = new SqliteDatabase(archive, { readonly: true, fileMustExist: true });
  try {
    if (!hasImageTable(db)) return 0;
    // All or none: a broken image found half-way would leave the photos before it written.
    checkImageRows(db, dataDir);
    let count = 0;
    for (const row of db
      .prepare<[], { path: string; bytes: Buffer }>(`select path, bytes from ${imageTable}`)
      .iterate()) {
      const file = imageFile(dataDir, row.path);
      mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
      writeFileSync(file, row.bytes, { mode: 0o600 });
      count += 1;
    }
    return count;
  } finally {
    db.close();
  }
}

/** The image file written beside a PostgreSQL backup. */
export const postgresImageArchive = (dump: string) => `${dump}.images.sqlite`;
