import { sql } from 'kysely';
import { engineOf } from '../create-database.js';
import type { MigrationDb } from './schema-helpers.js';

/**
 * The kinds the database lets `outbox_messages.kind` hold, read from its CHECK constraint as it is
 * now: a migration that adds a kind then keeps whatever kinds earlier migrations added, rather than
 * restating a list of its own time.
 */
async function currentKinds(db: MigrationDb): Promise<string[]> {
  const definition =
    engineOf(db) === 'postgres'
      ? ((
          await sql<{ def: string }>`select pg_get_constraintdef(oid) as def from pg_constraint
            where conname = 'outbox_messages_kind_check'`.execute(db)
        ).rows[0]?.def ?? '')
      : (kindCheck(await sqliteTableSql(db))?.[1] ?? '');
  const kinds = [...definition.matchAll(/'([^']+)'/g)].map((m) => m[1] ?? '');
  if (kinds.length === 0) throw new Error('outbox_messages has no CHECK constraint on kind');
  return kinds;
}

async function sqliteTableSql(db: MigrationDb): Promise<string> {
  const row = (
    await sql<{ sql: string }>`select sql from sqlite_master where type = 'table' and name = 'outbox_messages'`.execute(
      db,
    )
  ).rows[0];
  if (!row) throw new Error('no outbox_messages table');
  return row.sql;
}

/** The CHECK on kind in SQLite's CREATE TABLE text, and its list of values (group 1). */
const kindCheck = (createSql: string) => /check\s*\(\s*"kind"\s+in\s*\(([^)]*)\)\s*\)/i.exec(createSql);

export async function setPostgresKinds(db: MigrationDb, kinds: readonly string[]): Promise<void> {
  const list = sql.join(kinds.map((k) => sql.lit(k)));
  await sql`alter table outbox_messages drop constraint outbox_messages_kind_check`.execute(db);
  await sql`alter table outbox_messages add constraint outbox_messages_kind_check check (kind in (${list}))`.execute(
    db,
  );
}

/**
 * SQLite cannot change a CHECK in place: the table is made again from its own CREATE text with the
 * new list, its rows copied column by column, and its indexes and triggers made again.
 */
async function setSqliteKinds(db: MigrationDb, kinds: readonly string[]): Promise<void> {
  const createSql = await sqliteTableSql(db);
  const check = kindCheck(createSql);
  if (!check) throw new Error('outbox_messages has no CHECK constraint on kind');
  const list = kinds.map((k) => `'${k.replace(/'/g, "''")}'`).join(', ');
  const nextSql = createSql
    .replace(check[0], `check ("kind" in (${list}))`)
    .replace(/^create table\s+("?)outbox_messages\1/i, 'create table "outbox_messages_next"');
  const dependants = (
    await sql<{ sql: string }>`select sql from sqlite_master
      where tbl_name = 'outbox_messages' and type in ('index', 'trigger') and sql is not null`.execute(db)
  ).rows.map((r) => r.sql);
  const columns = (await sql<{ name: string }>`select name from pragma_table_info('outbox_messages')`.execute(db)).rows
    .map((c) => sql.ref(c.name))
    .reduce((all, column, i) => (i === 0 ? column : sql`${all}, ${column}`));

  await sql.raw(nextSql).execute(db);
  await sql`insert into outbox_messages_next (${columns}) select ${columns} from outbox_messages`.execute(db);
  await sql`drop table outbox_messages`.execute(db);
  await sql`alter table outbox_messages_next rename to outbox_messages`.execute(db);
  for (const statement of dependants) await sql.raw(statement).execute(db);
}

async function setKinds(db: MigrationDb, kinds: readonly string[]): Promise<void> {
  await (engineOf(db) === 'postgres' ? setPostgresKinds(db, kinds) : setSqliteKinds(db, kinds));
}

/** Lets the outbox hold messages of `added` kinds too. */
export async function addOutboxKinds(db: MigrationDb, added: readonly string[]): Promise<void> {
  const kinds = await currentKinds(db);
  await setKinds(db, [...kinds, ...added.filter((k) => !kinds.includes(k))]);
}

/** Deletes the messages of `removed` kinds and no longer lets the outbox hold them. */
export async function removeOutboxKinds(db: MigrationDb, removed: readonly string[]): Promise<void> {
  await sql`delete from outbox_messages where kind in (${sql.join(removed.map((k) => sql.lit(k)))})`.execute(db);
  await setKinds(
    db,
    (await currentKinds(db)).filter((k) => !removed.includes(k)),
  );
}
