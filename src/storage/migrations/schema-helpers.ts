import { sql, type ColumnDefinitionBuilder, type CreateTableBuilder, type Kysely } from 'kysely';

/** Migrations build the schema without the table types: they describe the past, not today's code. */
export type MigrationDb = Kysely<unknown>;

type Table = CreateTableBuilder<string, never>;

export function idColumn<T extends Table>(table: T): T {
  return table.addColumn('id', 'text', (c) => c.primaryKey()) as T;
}

/** Text columns that must be given, in the order named: `.$call(requiredText('subject', 'body'))`. */
export function requiredText(...columns: string[]) {
  return <T extends Table>(table: T): T =>
    columns.reduce((t, column) => t.addColumn(column, 'text', (c) => c.notNull()) as T, table);
}

/** Who wrote a row that is never changed after (nullable: the user may be gone) and when. */
export function authorColumns<T extends Table>(table: T): T {
  return table
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull()) as T;
}

/** Who last changed a row (null once that user is deleted) and when. */
export function editorColumns<T extends Table>(table: T): T {
  return table
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.references('users.id').onDelete('set null')) as T;
}

export function timestampColumns<T extends Table>(table: T): T {
  return table
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull()) as T;
}

/** A text column restricted to the given values (a CHECK works the same on both engines). */
export function oneOf(column: string, values: readonly string[]) {
  const list = sql.join(values.map((v) => sql.lit(v)));
  return (c: ColumnDefinitionBuilder) => c.notNull().check(sql`${sql.ref(column)} in (${list})`);
}

export function flagColumn(column: string, defaultValue: 0 | 1) {
  return (c: ColumnDefinitionBuilder) =>
    c
      .notNull()
      .defaultTo(defaultValue)
      .check(sql`${sql.ref(column)} in (0, 1)`);
}

/**
 * A table of at most one row per `owner` (a clinic, a location): its key is the owner's, and the row
 * goes with it.
 */
export function ownedTable(db: MigrationDb, table: string, owner: string, ownerTable: string) {
  return db.schema
    .createTable(table)
    .addColumn(owner, 'text', (c) => c.primaryKey().references(`${ownerTable}.id`).onDelete('cascade'));
}

/** An index on `columns` in the order given; chain `.unique()` or `.where()` before `.execute()`. */
export function index(db: MigrationDb, name: string, table: string, columns: readonly string[]) {
  return db.schema
    .createIndex(name)
    .on(table)
    .columns([...columns]);
}

/**
 * Makes index `created` and drops `dropped`, which `created` stands in for (it starts with the same
 * column); a migration's `down` swaps them back, which is why `dropped` carries its columns.
 */
export async function replaceIndex(
  db: MigrationDb,
  table: string,
  created: { name: string; columns: readonly string[] },
  dropped: { name: string; columns: readonly string[] },
): Promise<void> {
  await index(db, created.name, table, created.columns).execute();
  await db.schema.dropIndex(dropped.name).execute();
}

/** Adds a nullable foreign key column to `table` (refers to `target.id`), with its index. */
export async function addReference(db: MigrationDb, table: string, column: string, target: string): Promise<void> {
  await db.schema
    .alterTable(table)
    .addColumn(column, 'text', (c) => c.references(`${target}.id`))
    .execute();
  await indexColumns(db, table, [column]);
}

/** Undoes `addReference`. */
export async function dropReference(db: MigrationDb, table: string, column: string): Promise<void> {
  await db.schema.dropIndex(`${table}_${column}_idx`).execute();
  await db.schema.alterTable(table).dropColumn(column).execute();
}

/** One index per foreign key: both engines leave these to us, and deletes and joins need them. */
export async function indexColumns(db: MigrationDb, table: string, columns: readonly string[]): Promise<void> {
  for (const column of columns)
    await db.schema.createIndex(`${table}_${column}_idx`).on(table).column(column).execute();
}
