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
}

const pathsQuery = 'select file_path from photos union select file_path from side_effect_photos order by 1';

async function imagePaths(config: DatabaseConfig, sqliteFile: string): Promise<string[]> {
  if (config.engine === 'sqlite') {
    // From the backup itself: exactly the images its snapshot refers to.
    const db = new SqliteDatabase(sqliteFile, { readonly: true, fileMustExist: true });
    try {
      return db.prepare<[], { file_path: string }>(pathsQuery).all().map((r) => r.file_path);
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
export async function archiveImages(config: DatabaseConfig, archive: string, dataDir: string, sqliteBackup = archive): Promise<ImageCopy> {
  const paths = await imagePaths(config, sqliteBackup);
  if (paths.length === 0) return { copied: 0, missing: [] };
  const db = new SqliteDatabase(archive);
  try {
    db.exec(`create table if not exists ${imageTable} (path text primary key, bytes blob not null)`);
    const insert = db.prepare(`insert or replace into ${imageTable} (path, bytes) values (?, ?)`);
    const missing: string[] = [];
    let copied = 0;
    db.transaction(() => {
      for (const path of paths) {
        const file = imageFile(dataDir, path);
        if (!existsSync(file)) {
          missing.push(path);
          continue;
        }
        insert.run(path, readFileSync(file));
        copied += 1;
      }
    })();
    return { copied, missing };
  } finally {
    db.close();
  }
}

/** Puts the images of an archive (a backup, or a PostgreSQL backup's image file) back into the data folder; how many. */
export function restoreImages(archive: string, dataDir: string): number {
  const db = new SqliteDatabase(archive, { readonly: true, fileMustExist: true });
  try {
    const table = db.prepare("select 1 from sqlite_master where type = 'table' and name = ?").get(imageTable);
    if (!table) return 0;
    let count = 0;
    for (const row of db.prepare<[], { path: string; bytes: Buffer }>(`select path, bytes from ${imageTable}`).iterate()) {
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
