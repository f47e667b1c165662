import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { sqliteFileName } from '../database-config.js';

/** What a data folder holds, as far as resetting it to the demo goes. */
export type DemoFolder =
  /** No clinic yet (no database, or one with no clinic in it): nothing to lose. */
  | { kind: 'empty' }
  /** Only clinics the demo made. */
  | { kind: 'demo' }
  /** Anything else: a clinic not made by the demo, or files that are not ours to delete. */
  | { kind: 'other'; what: string };

/** The files of the SQLite database, with its journal and write-ahead log. */
function databaseFiles(dataDir: string): string[] {
  const file = join(dataDir, sqliteFileName);
  return [file, `${file}-wal`, `${file}-shm`, `${file}-journal`];
}

function hasFiles(dir: string): boolean {
  return existsSync(dir) && readdirSync(dir).length > 0;
}

/**
 * Whether the data folder may be reset to the demo. Only the database says so (its demo mark, see
 * migration 0025), so that a real clinic restored into a folder that once held the demo is never
 * taken for it. Call with the folder locked (no server running on it).
 */
export function inspectDemoFolder(dataDir: string): DemoFolder {
  const file = join(dataDir, sqliteFileName);
  if (!existsSync(file))
    return hasFiles(join(dataDir, 'photos')) ? { kind: 'other', what: 'photos but no database' } : { kind: 'empty' };
  let db: SqliteDatabase.Database | undefined;
  try {
    db = new SqliteDatabase(file, { fileMustExist: true });
    const tables = new Set(
      db
        .prepare<[], { name: string }>("select name from sqlite_master where type = 'table'")
        .all()
        .map((t) => t.name),
    );
    if (!tables.has('clinics'))
      return [...tables].every((t) => t.startsWith('kysely_') || t.startsWith('sqlite_'))
        ? { kind: 'empty' }
        : { kind: 'other', what: `${sqliteFileName}, which is not a mesodesk database` };
    const clinics = db.prepare<[], { id: string; name: string }>('select id, name from clinics order by name').all();
    if (clinics.length === 0) return { kind: 'empty' };
    const demo = new Set(
      tables.has('demo_clinics')
        ? db
            .prepare<[], { clinic_id: string }>('select clinic_id from demo_clinics')
            .all()
            .map((r) => r.clinic_id)
        : [],
    );
    const others = clinics.filter((c) => !demo.has(c.id));
    if (others.length === 0) return { kind: 'demo' };
    return { kind: 'other', what: `the clinic data of ${others.map((c) => `"${c.name}"`).join(', ')}` };
  } catch (error) {
    return { kind: 'other', what: `${sqliteFileName}, which cannot be read (${(error as Error).message})` };
  } finally {
    db?.close();
  }
}

/** Removes the database and the photos of a demo (or empty) data folder; backups and other files stay. */
export function clearDemoFolder(dataDir: string): void {
  for (const file of databaseFiles(dataDir)) rmSync(file, { force: true });
  rmSync(join(dataDir, 'photos'), { recursive: true, force: true });
}
