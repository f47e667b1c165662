import { sql } from 'kysely';
import type { Db } from '../../../src/storage/create-database.js';
import { tableNames } from './database-snapshot.js';

// The rows of every table, counted and by id: what must all survive the injection tests.

/** How many rows each table has. */
export async function rowCounts(db: Db): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (const name of await tableNames(db)) {
    const { rows } = await sql<{ n: number | string | bigint }>`select count(*) as n from ${sql.table(name)}`.execute(
      db,
    );
    counts.set(name, Number(rows[0]?.n ?? 0));
  }
  return counts;
}

/** Every row id of every table that has ids: rows that must all survive. */
export async function rowIds(db: Db): Promise<Map<string, Set<string>>> {
  const ids = new Map<string, Set<string>>();
  for (const table of await db.introspection.getTables()) {
    if (table.isView || !table.columns.some((c) => c.name === 'id')) continue;
    const { rows } = await sql<{ id: string }>`select id from ${sql.table(table.name)}`.execute(db);
    ids.set(table.name, new Set(rows.map((r) => String(r.id))));
  }
  return ids;
}
