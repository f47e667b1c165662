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
      return [
        table,
        sqlite.prepare(
          `insert into ${quote(table)} (${columns.map(quote).join(', ')}) values (${columns.map(() => '?').join(', ')})`,
        ),
      ] as const;
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

/** Columns whose texts repeat across rows (assessment results, plans, triage): sent once per batch. */
const repeatedTexts: Partial<Record<BulkTable, ReadonlySet<string>>> = {
  assessments: new Set(['result']),
  courses: new Set(['plan']),
  side_effect_reports: new Set(['triage']),
};

/** One element of a PostgreSQL array literal. */
function arrayElement(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'number') return String(value);
  return `"${String(value).replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

const arrayLiteral = (elements: readonly string[]) => `{${elements.join(',')}}`;

/**
 * PostgreSQL: one `INSERT ... SELECT FROM unnest($1::text[], ...)` per table and batch: a single
 * statement carries thousands of rows as column arrays, with no SQL text growing with the batch.
 * The arrays are sent as literals built here. Texts that repeat (a 15 KB assessment result is the
 * same for many patients) go once per batch, in an array of their own that rows index into. The
 * caller owns the client; commits are asynchronous (`synchronous_commit = off`) because a
 * generated data set can be generated again, and waiting for each flush would double the time.
 */
export function postgresBulkWriter(client: pg.Client): BulkWriter {
  const sql = new Map<BulkTable, string>();
  for (const table of bulkTableOrder) {
    const columns = bulkColumns[table];
    const repeated = repeatedTexts[table] ?? new Set<string>();
    const dictionaries = columns.filter(([c]) => repeated.has(c)).map(([c]) => c);
    const arrays = columns.map(([c, type], i) => `$${i + 1}::${repeated.has(c) ? 'int4' : type}[]`).join(', ');
    const names = columns.map(([c]) => quote(c));
    const picks = columns.map(([c]) =>
      repeated.has(c) ? `($${columns.length + 1 + dictionaries.indexOf(c)}::text[])[u.${quote(c)}]` : `u.${quote(c)}`,
    );
    sql.set(
      table,
      `insert into ${quote(table)} (${names.join(', ')}) select ${picks.join(', ')} from unnest(${arrays}) as u(${names.join(', ')})`,
    );
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
          const columns = bulkColumns[table];
          const repeated = repeatedTexts[table] ?? new Set<string>();
          const arrays = columns.map((): string[] => new Array<string>(list.length));
          const dictionaries = columns.filter(([c]) => repeated.has(c)).map(() => new Map<string, number>());
          list.forEach((row, r) => {
            let d = 0;
            values(table, row).forEach((value, c) => {
              const column = columns[c]?.[0] ?? '';
              if (!repeated.has(column)) {
                (arrays[c] as string[])[r] = arrayElement(value);
                return;
              }
              const dictionary = dictionaries[d++] as Map<string, number>;
              if (value === null || value === undefined) {
                (arrays[c] as string[])[r] = 'NULL';
                return;
              }
              let index = dictionary.get(String(value));
              if (index === undefined) dictionary.set(String(value), (index = dictionary.size + 1));
              (arrays[c] as string[])[r] = String(index);
            });
          });
          const texts = dictionaries.map((dictionary) => arrayLiteral([...dictionary.keys()].map(arrayElement)));
          await client.query(sql.get(table) ?? '', [...arrays.map(arrayLiteral), ...texts]);
        }
        await client.query('commit');
      } catch (error) {
        await client.query('rollback').catch(() => undefined);
        throw error;
      }
    },
  };
}
