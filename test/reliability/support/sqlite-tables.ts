import SqliteDatabase from 'better-sqlite3';

export interface SqliteContents {
  /** Every row of sqlite_master (tables, indexes, triggers, views with their SQL). */
  schema: unknown[][];
  /** Each table's rows, every column, in a fixed order; integers as bigint and blobs as Buffers, so equal means equal bytes. */
  tables: Record<string, unknown[][]>;
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Reads a whole SQLite database file (read-only). */
export function readSqliteContents(file: string): SqliteContents {
  const db = new SqliteDatabase(file, { readonly: true, fileMustExist: true });
  try {
    db.defaultSafeIntegers(true);
    const schema = db
      .prepare('select type, name, tbl_name, sql from sqlite_master order by type, name')
      .raw(true)
      .all() as unknown[][];
    const names = db
      .prepare("select name from sqlite_master where type = 'table' order by name")
      .pluck()
      .all() as string[];
    const tables: Record<string, unknown[][]> = {};
    for (const name of names) {
      const columns = db.prepare(`select count(*) from pragma_table_info(?)`).pluck().get(name) as bigint;
      const orderBy = Array.from({ length: Number(columns) }, (_, i) => String(i + 1)).join(', ');
      tables[name] = db
        .prepare(`select * from ${quote(name)} order by ${orderBy}`)
        .raw(true)
        .all() as unknown[][];
    }
    return { schema, tables };
  } finally {
    db.close();
  }
}
