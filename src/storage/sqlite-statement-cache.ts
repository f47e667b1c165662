import type SqliteDatabase from 'better-sqlite3';
import type { SqliteDatabase as KyselySqliteDatabase, SqliteStatement } from 'kysely';
import { recentlyUsed } from './recently-used.js';

/** Statements that change the schema: the column names remembered for reading statements may be stale after them. */
const schemaChange = /^\s*(create|alter|drop)\s/i;

/**
 * A reading statement that builds its rows' objects itself. better-sqlite3 makes each row object
 * through a slow native path: about 3 µs for a schedule row of 19 columns, as much as the query's
 * own work for that row. Fetched as arrays and named here with the statement's column names (read
 * once: asking costs about 20 µs), the same rows cost about a quarter of that. Later columns of the
 * same name win, as in better-sqlite3's own objects.
 */
function objectRows(statement: SqliteDatabase.Statement): SqliteStatement {
  statement.raw(true);
  let columns: string[] | undefined;
  const toObject = (values: unknown[]): Record<string, unknown> => {
    // A statement SQLite re-prepared after a schema change by another connection may return more or fewer columns.
    if (columns?.length !== values.length) columns = statement.columns().map((column) => column.name);
    const row: Record<string, unknown> = {};
    for (let i = 0; i < values.length; i++) row[columns[i] as string] = values[i];
    return row;
  };
  return {
    reader: true,
    all: (parameters) => (statement.all(parameters) as unknown[][]).map(toObject),
    run: (parameters) => statement.run(parameters),
    *iterate(parameters) {
      for (const values of statement.iterate(parameters) as IterableIterator<unknown[]>) yield toObject(values);
    },
  };
}

/**
 * The SQLite handle Kysely gets, with prepared statements kept by SQL text. Kysely prepares every
 * query it runs, and preparing costs more than running the simple lookups a request makes; the
 * same few dozen statements serve nearly all requests. Safe because Kysely's SQLite driver uses one
 * connection at a time (a stream holds it until done), and SQLite re-prepares a statement by itself
 * when a migration changes the schema under it; a schema change made through this handle also
 * forgets every statement, with the column names of reading ones. The least recently used
 * statements are dropped past `size` (multi-row inserts make a new text for each row count).
 */
export function withStatementCache(sqlite: SqliteDatabase.Database, size = 500): KyselySqliteDatabase {
  const statements = new Map<string, SqliteStatement>();
  return {
    close: () => sqlite.close(),
    prepare: (sql) => {
      if (schemaChange.test(sql)) statements.clear();
      return recentlyUsed(statements, sql, size, () => {
        const statement = sqlite.prepare(sql);
        return statement.reader ? objectRows(statement) : statement;
      });
    },
  };
}
