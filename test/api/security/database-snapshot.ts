import { sql } from 'kysely';
import type { Db } from '../../../src/storage/create-database.js';

/** Every row of every table, each table's rows as sorted JSON lines: equal snapshots mean nothing was written. */
export type DatabaseSnapshot = ReadonlyMap<string, readonly string[]>;

/** The tables (not views) of the database, from the engine's own catalogue. */
export async function tableNames(db: Db): Promise<string[]> {
  const tables = await db.introspection.getTables();
  return tables
    .filter((t) => !t.isView)
    .map((t) => t.name)
    .sort();
}

/** Buffers (and anything else JSON does not spell out) compared by content. */
function rowLine(row: Record<string, unknown>): string {
  return JSON.stringify(row, (_key, value: unknown) => (typeof value === 'bigint' ? value.toString() : value));
}

export async function snapshotDatabase(db: Db): Promise<DatabaseSnapshot> {
  const snapshot = new Map<string, string[]>();
  for (const name of await tableNames(db)) {
    // Every table the migrations made, whatever its name: not part of the typed schema.
    const { rows } = await sql<Record<string, unknown>>`select * from ${sql.table(name)}`.execute(db);
    snapshot.set(name, rows.map(rowLine).sort());
  }
  return snapshot;
}

/** What differs between two snapshots, one line per changed table: empty when nothing changed. */
export function snapshotChanges(before: DatabaseSnapshot, after: DatabaseSnapshot): string[] {
  const changes: string[] = [];
  for (const name of new Set([...before.keys(), ...after.keys()])) {
    const was = before.get(name);
    const now = after.get(name);
    if (!was || !now) {
      changes.push(`${name}: table ${was ? 'dropped' : 'created'}`);
      continue;
    }
    const wasSet = new Set(was);
    const nowSet = new Set(now);
    const added = now.filter((row) => !wasSet.has(row)).length;
    const removed = was.filter((row) => !nowSet.has(row)).length;
    if (added || removed || was.length !== now.length)
      changes.push(`${name}: ${was.length} → ${now.length} rows (${added} new or changed, ${removed} gone or changed)`);
  }
  return changes.sort();
}
