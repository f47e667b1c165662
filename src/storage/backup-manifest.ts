import type SqliteDatabase from 'better-sqlite3';
import { imageTable, sha256 } from './backup-images.js';
import { migrations } from './migrations/migrations.js';

/**
 * What a backup holds, written by `mesodesk backup` into the backup (a SQLite backup) or into the
 * image file beside a PostgreSQL dump, so that `mesodesk restore` can tell a whole backup from a
 * damaged one before it replaces anything: the rows of each table, the SHA-256 of each photo, and the
 * migrations the database had run. It guards against damage (a disk, a copy cut short, a hand-edit),
 * not against someone who rewrites the manifest as well.
 */
export interface BackupManifest {
  format: 1;
  createdAt: string;
  /** Rows per table, counted in the backup itself (SQLite backups only: pg_restore checks its own archive). */
  rowCounts?: Record<string, number>;
  /** The migrations the backed-up database had run, by name. */
  migrations: string[];
  /** SHA-256 (hex) of each photo file the backup carries, by its path. */
  images: Record<string, string>;
  /** Paths named by records whose files were already missing when the backup was made. */
  missingImages: string[];
}

export const manifestTable = 'backup_manifest';
/** Kysely's table of the migrations a database has run. */
const migrationTable = 'kysely_migration';
/** Tables of the backup itself, not of the clinic database. */
const backupTables = new Set([imageTable, manifestTable]);

const quoted = (name: string) => `"${name.replace(/"/g, '""')}"`;

function hasTable(db: SqliteDatabase.Database, name: string): boolean {
  return Boolean(db.prepare("select 1 from sqlite_master where type = 'table' and name = ?").get(name));
}

/** The clinic database's tables in a SQLite file (not SQLite's own, nor the backup's). */
function databaseTables(db: SqliteDatabase.Database): string[] {
  return db
    .prepare<[], { name: string }>("select name from sqlite_master where type = 'table' order by name")
    .all()
    .map((r) => r.name)
    .filter((name) => !name.startsWith('sqlite_') && !backupTables.has(name));
}

export function countRows(db: SqliteDatabase.Database): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const table of databaseTables(db))
    counts[table] = db.prepare<[], { n: number }>(`select count(*) as n from ${quoted(table)}`).get()?.n ?? 0;
  return counts;
}

/** The migrations a SQLite database has run, in name order (none when it has no migration table). */
export function appliedMigrations(db: SqliteDatabase.Database): string[] {
  if (!hasTable(db, migrationTable)) return [];
  return db
    .prepare<[], { name: unknown }>(`select name from ${migrationTable} order by name`)
    .all()
    .map((r) => String(r.name));
}

/** Migrations of a backup that this version of mesodesk does not have: the backup comes from a newer one. */
export function unknownMigrations(applied: readonly string[]): string[] {
  return applied.filter((name) => !Object.hasOwn(migrations, name));
}

export function writeManifest(db: SqliteDatabase.Database, manifest: BackupManifest): void {
  db.exec(`create table if not exists ${manifestTable} (manifest text not null)`);
  db.transaction(() => {
    db.exec(`delete from ${manifestTable}`);
    db.prepare(`insert into ${manifestTable} (manifest) values (?)`).run(JSON.stringify(manifest));
  })();
}

const isRecordOf = <T>(value: unknown, item: (v: unknown) => v is T): value is Record<string, T> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && Object.values(value).every(item);
const isString = (v: unknown): v is string => typeof v === 'string';
const isCount = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 0;
const isStringList = (v: unknown): v is string[] => Array.isArray(v) && v.every(isString);

function parseManifest(text: unknown): BackupManifest | undefined {
  let value: unknown;
  try {
    value = JSON.parse(String(text));
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const m = value as Record<string, unknown>;
  const sound =
    m.format === 1 &&
    isString(m.createdAt) &&
    (m.rowCounts === undefined || isRecordOf(m.rowCounts, isCount)) &&
    isStringList(m.migrations) &&
    isRecordOf(m.images, isString) &&
    isStringList(m.missingImages);
  return sound ? (value as BackupManifest) : undefined;
}

/**
 * The backup's manifest; undefined when it has none (made before manifests were written). Throws
 * when there is one but it cannot be read: a damaged manifest vouches for nothing.
 */
export function readManifest(db: SqliteDatabase.Database): BackupManifest | undefined {
  if (!hasTable(db, manifestTable)) return undefined;
  let rows: { manifest: unknown }[];
  try {
    rows = db.prepare<[], { manifest: unknown }>(`select manifest from ${manifestTable}`).all();
  } catch {
    throw new Error('its manifest is damaged');
  }
  const manifest = rows.length === 1 ? parseManifest(rows[0]?.manifest) : undefined;
  if (!manifest) throw new Error('its manifest is damaged');
  return manifest;
}

/**
 * Checks the photos of a backup (or of a PostgreSQL backup's image file) against its manifest: each
 * one the manifest lists is there with the same SHA-256, and none is there that it does not list.
 * Throws naming the first that is not; expects checkImageRows to have passed.
 */
export function verifyImages(db: SqliteDatabase.Database, manifest: BackupManifest): void {
  const expected = new Map(Object.entries(manifest.images));
  if (hasTable(db, imageTable))
    for (const row of db
      .prepare<[], { path: string; bytes: Buffer }>(`select path, bytes from ${imageTable}`)
      .iterate()) {
      const hash = expected.get(row.path);
      if (hash === undefined) throw new Error(`photo ${row.path} is not listed in its manifest`);
      if (sha256(row.bytes) !== hash)
        throw new Error(`photo ${row.path} is damaged: its SHA-256 differs from the manifest's`);
      expected.delete(row.path);
    }
  const [missing] = expected.keys();
  if (missing !== undefined) throw new Error(`photo ${missing} is missing from the backup`);
}

/**
 * Checks a whole SQLite backup against its manifest: the migrations it ran, the rows of each table,
 * its photos, and that every photo a record names is in it (or was already missing when it was made).
 */
export function verifyDatabase(db: SqliteDatabase.Database, manifest: BackupManifest): void {
  const applied = appliedMigrations(db);
  if (applied.join('\n') !== [...manifest.migrations].sort().join('\n'))
    throw new Error('its migrations differ from those its manifest lists');
  const counts = countRows(db);
  for (const [table, expected] of Object.entries(manifest.rowCounts ?? {})) {
    const found = counts[table];
    if (found === undefined) throw new Error(`table ${table} is missing`);
    if (found !== expected)
      throw new Error(`table ${table} has ${found} row${found === 1 ? '' : 's'}, its manifest says ${expected}`);
  }
  verifyImages(db, manifest);
  const accounted = new Set([...Object.keys(manifest.images), ...manifest.missingImages]);
  for (const table of ['photos', 'side_effect_photos'])
    if (hasTable(db, table))
      for (const row of db.prepare<[], { file_path: string }>(`select file_path from ${table}`).iterate())
        if (!accounted.has(row.file_path))
          throw new Error(`photo ${row.file_path} is named by a record but not in the backup`);
}
