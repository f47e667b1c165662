import { sql, type ColumnDefinitionBuilder, type CreateTableBuilder, type Kysely } from 'kysely';

/** Migrations build the schema without the table types: they describe the past, not today's code. */
export type MigrationDb = Kysely<unknown>;

type Table = CreateTableBuilder<string, never>;

export function idColumn<T extends Table>(table: T): T {
  return table.addColumn('id', 'text', (c) => c.primaryKey()) as T;
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

/** One index per foreign key: both engines leave these to us, and deletes and joins need them. */
export async function indexColumns(db: MigrationDb, table: string, columns: readonly string[]): Promise<void> {
  for (const column of columns)
    await db.schema.createIndex(`${table}_${column}_idx`).on(table).column(column).execute();
}
