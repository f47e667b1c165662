import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { engineOf, type Db } from '../storage/create-database.js';

/** Each table's row count and a hash of its content, by table name. */
export interface DatabaseSnapshot {
  tables: ReadonlyMap<string, { rows: number; hash: string }>;
  /**
   * Where the engine's write counter stood when the snapshot was taken: SQLite's total_changes() of
   * the one connection the app and this share; PostgreSQL's WAL position (any write anywhere moves it).
   */
  writes?: string;
}

const tableNames = new WeakMap<Db, Promise<string[]>>();

/** Every table of the database, Kysely's migration tables aside: no request touches them. */
function tablesOf(db: Db): Promise<string[]> {
  let names = tableNames.get(db);
  if (!names) {
    names = db.introspection.getTables().then((tables) => tables.map((t) => t.name).sort());
    tableNames.set(db, names);
  }
  return names;
}

function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    typeof v === 'bigint' ? v.toString() : Buffer.isBuffer(v) ? v.toString('base64') : v,
  );
}

async function sqliteTables(db: Db, names: readonly string[]): Promise<DatabaseSnapshot['tables']> {
  const tables = new Map<string, { rows: number; hash: string }>();
  for (const name of names) {
    const { rows } = await sql<Record<string, unknown>>`select * from ${sql.table(name)}`.execute(db);
    // Sorted, so that the order the engine returns rows in does not matter.
    const lines = rows.map(canonical).sort();
    tables.set(name, { rows: rows.length, hash: createHash('sha256').update(lines.join('\n')).digest('hex') });
  }
  return tables;
}

/** PostgreSQL hashes every table itself, in one round trip. */
async function postgresTables(db: Db, names: readonly string[]): Promise<DatabaseSnapshot['tables']> {
  const parts = names.map(
    (name) =>
      sql`select ${name}::text as name, count(*)::int as rows, coalesce(md5(string_agg(t::text, E'\\n' order by t::text)), '') as hash from ${sql.table(name)} t`,
  );
  const { rows } = await sql<{
    name: string;
    rows: number;
    hash: string;
  }>`${sql.join(parts, sql` union all `)}`.execute(db);
  return new Map(rows.map((r) => [r.name, { rows: Number(r.rows), hash: r.hash }]));
}

/**
 * Every table read in full; but when nothing has been written since `previous` (the write counter
 * has not moved), `previous` itself.
 */
export async function snapshotDatabase(db: Db, previous?: DatabaseSnapshot): Promise<DatabaseSnapshot> {
  const names = await tablesOf(db);
  const postgres = engineOf(db) === 'postgres';
  const counter = postgres
    ? sql<{ writes: string }>`select pg_current_wal_insert_lsn()::text as writes`
    : sql<{ writes: string }>`select total_changes() as writes`;
  const writes = String((await counter.execute(db)).rows[0]?.writes);
  if (previous?.writes === writes) return previous;
  return { tables: await (postgres ? postgresTables : sqliteTables)(db, names), writes };
}

/** Tables whose row count or content differ, with how: `patients: 3 → 4 rows`. */
export function changedTables(before: DatabaseSnapshot, after: DatabaseSnapshot): string[] {
  const names = [...new Set([...before.tables.keys(), ...after.tables.keys()])].sort();
  return names.flatMap((name) => {
    const a = before.tables.get(name);
    const b = after.tables.get(name);
    if (a?.hash === b?.hash && a?.rows === b?.rows) return [];
    return [
      a?.rows === b?.rows
        ? `${name}: content changed (${b?.rows ?? 0} rows)`
        : `${name}: ${a?.rows ?? 0} → ${b?.rows ?? 0} rows`,
    ];
  });
}
