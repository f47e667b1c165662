import type SqliteDatabase from 'better-sqlite3';
import type pg from 'pg';
import { bulkColumns, bulkTableOrder, type BulkRows, type BulkTable } from './bulk-tables.js';

/** Writes batches of generated rows, each batch in one transaction. */
export interface BulkWriter {
  write(rows: BulkRows): Promise<void>;
}

function values<T extends BulkTable>(table: T, row: BulkRows[T][number]): unknown[] {
  const record = row as Record<string, unknown>;
  return bulkColumns[table].map(([column]) => record[column] ?? null);
}

const quote = (name: string) => `"${name}"`;

/**
 * SQLite: one prepared single-row INSERT per table, run synchronously inside one transaction per
 * batch. better-sqlite3 binds and steps in C, so this is faster than building multi-row SQL.
 */
export function sqliteBulkWriter(sqlite: SqliteDatabase.Database): BulkWriter {
  let writeBatch: ((rows: BulkRows) => void) | undefined;
  // Prepared on first use: the tables exist only once the caller has migrated.
  const prepare = () => {
    const statements = bulkTableOrder.map((table) => {
      const columns = bulkColumns[table].map(([c]) => c);
      return [table, sqlite.prepare(`insert into ${quote(table)} (${columns.map(quote).join(', ')}) values (${columns.map(() => '?').join(', ')})`)] as const;
    });
    return sqlite.transaction((rows: BulkRows) => {
      for (const [table, statement] of statements) for (const row of rows[table]) statement.run(values(table, row));
    });
  };
  return {
    async write(rows) {
      writeBatch ??= prepare();
      writeBatch(rows);
    },
  };
}

/**
 * PostgreSQL: one `INSERT ... SELECT FROM unnest($1::text[], ...)` per table and batch: a single
 * statement carries thousands of rows as column arrays, with no SQL text growing with the batch.
 * The caller owns the client; commits are asynchronous (`synchronous_commit = off`) because a
 * generated data set can be generated again, and waiting for each flush would double the time.
 */
export function postgresBulkWriter(client: pg.Client): BulkWriter {
  const sql = new Map<BulkTable, string>();
  for (const table of bulkTableOrder) {
    const columns = bulkColumns[table];
    const arrays = columns.map(([, type], i) => `$${i + 1}::${type}[]`).join(', ');
    sql.set(table, `insert into ${quote(table)} (${columns.map(([c]) => quote(c)).join(', ')}) select * from unnest(${arrays})`);
  }
  let configured = false;
  return {
    async write(rows) {
      if (!configured) {
        await client.query('set synchronous_commit = off');
        configured = true;
      }
      await client.query('begin');
      try {
        for (const table of bulkTableOrder) {
          const list = rows[table];
          if (list.length === 0) continue;
          const columns = bulkColumns[table].map((): unknown[] => new Array<unknown>(list.length));
          list.forEach((row, r) => {
            values(table, row).forEach((value, c) => {
              (columns[c] as unknown[])[r] = value;
            });
          });
          await client.query(sql.get(table) ?? '', columns);
        }
        await client.query('commit');
      } catch (error) {
        await client.query('rollback').catch(() => undefined);
        throw error;
      }
    },
  };
}
