import { sql } from 'kysely';
import type { Db } from '../../../src/storage/create-database.js';

export interface SqliteIntegrity {
  /** `['ok']` when sound. */
  integrityCheck: string[];
  foreignKeyViolations: unknown[];
}

export async function sqliteIntegrity(db: Db): Promise<SqliteIntegrity> {
  const integrity = await sql<{ integrity_check: string }>`pragma integrity_check`.execute(db);
  const foreignKeys = await sql<Record<string, unknown>>`pragma foreign_key_check`.execute(db);
  return { integrityCheck: integrity.rows.map((r) => r.integrity_check), foreignKeyViolations: foreignKeys.rows };
}

export interface PostgresIntegrity {
  /** Why amcheck could not be used; undefined when it was. */
  amcheckUnavailable?: string;
  /** B-tree indexes that bt_index_check (with the heap-all-indexed pass) verified. */
  indexesChecked: number;
  /** verify_heapam's findings over every table (none when sound). */
  heapCorruption: unknown[];
  /** Per foreign key, rows naming a parent that is not there (none when sound). */
  foreignKeyViolations: string[];
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

interface ForeignKey {
  name: string;
  child: string;
  parent: string;
  child_columns: string[];
  parent_columns: string[];
}

/** Orphans per foreign key, counted from the catalogue's definitions (MATCH SIMPLE: a row with a null key column is exempt). */
async function foreignKeyViolations(db: Db): Promise<string[]> {
  const { rows } = await sql<ForeignKey>`select con.conname as name, cl.relname as child, pcl.relname as parent,
      array(select a.attname::text from unnest(con.conkey) with ordinality k(attnum, ord) join pg_attribute a on a.attrelid = con.conrelid and a.attnum = k.attnum order by k.ord) as child_columns,
      array(select a.attname::text from unnest(con.confkey) with ordinality k(attnum, ord) join pg_attribute a on a.attrelid = con.confrelid and a.attnum = k.attnum order by k.ord) as parent_columns
    from pg_constraint con join pg_class cl on cl.oid = con.conrelid join pg_class pcl on pcl.oid = con.confrelid join pg_namespace n on n.oid = cl.relnamespace
    where con.contype = 'f' and n.nspname = current_schema()`.execute(db);
  if (rows.length === 0) throw new Error('no foreign keys found: the check would prove nothing');
  const violations: string[] = [];
  for (const fk of rows) {
    const notNull = fk.child_columns.map((c) => `c.${quote(c)} is not null`).join(' and ');
    const matches = fk.child_columns
      .map((c, i) => `p.${quote(fk.parent_columns[i] ?? '')} = c.${quote(c)}`)
      .join(' and ');
    const query = `select count(*) as n from ${quote(fk.child)} c where ${notNull} and not exists (select 1 from ${quote(fk.parent)} p where ${matches})`;
    const { rows: counted } = await sql<{ n: string }>`${sql.raw(query)}`.execute(db);
    const n = Number(counted[0]?.n ?? 0);
    if (n > 0) violations.push(`${fk.name}: ${n} rows of ${fk.child} without their ${fk.parent}`);
  }
  return violations;
}

/**
 * amcheck over the schema's B-tree indexes and tables, if the extension can be created here, and
 * the foreign keys checked by query either way.
 */
export async function postgresIntegrity(db: Db): Promise<PostgresIntegrity> {
  const result: PostgresIntegrity = {
    indexesChecked: 0,
    heapCorruption: [],
    foreignKeyViolations: await foreignKeyViolations(db),
  };
  try {
    await sql`create extension if not exists amcheck`.execute(db);
  } catch (error) {
    result.amcheckUnavailable = (error as Error).message;
    return result;
  }
  const indexes = await sql<{
    oid: string;
  }>`select c.oid::text as oid from pg_index i join pg_class c on c.oid = i.indexrelid
    join pg_am am on am.oid = c.relam join pg_namespace n on n.oid = c.relnamespace where am.amname = 'btree' and n.nspname = current_schema()`.execute(
    db,
  );
  // Raises an error on the first corrupt index, which fails the test with amcheck's own message.
  for (const { oid } of indexes.rows) await sql`select bt_index_check(${oid}::oid::regclass, true)`.execute(db);
  result.indexesChecked = indexes.rows.length;
  const tables = await sql<{
    oid: string;
  }>`select c.oid::text as oid from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where c.relkind = 'r' and n.nspname = current_schema()`.execute(db);
  for (const { oid } of tables.rows)
    result.heapCorruption.push(...(await sql`select * from verify_heapam(${oid}::oid::regclass)`.execute(db)).rows);
  return result;
}
