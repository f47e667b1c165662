import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type { Db } from '../create-database.js';
import type { Database } from '../database-schema.js';
import { firstRecord } from './first-record.js';

/** The tables whose rows are keyed by a text `id`. */
export type KeyedTable = { [T in keyof Database]: Database[T] extends { id: string } ? T : never }[keyof Database];

type Row<T extends KeyedTable> = Selectable<Database[T]>;
type Column<T extends KeyedTable> = keyof Row<T> & string;
/** A column to sort on, ascending unless it says `desc`, as in SQL. */
type Order<T extends KeyedTable> = Column<T> | `${Column<T>} desc`;

/** A database as loose as SQL: any table, any column (see `tableRows`). */
export type LooseDb = Kysely<Record<string, Record<string, unknown>>>;

/**
 * The plain queries every repository needs on one table (insert, find by a column, list by a column
 * in an order, update or delete by id), each giving back records made by `toRecord`. Queries that
 * join, group or filter on more than one column stay written out in Kysely where they are used.
 */
export function tableRows<T extends KeyedTable, R>(db: Db, table: T, toRecord: (row: Row<T>) => R) {
  // Kysely cannot check a query on a table named by a type parameter, so the queries are built on
  // a loose view of the database; the signatures below are what keep each caller's columns typed.
  const loose = db as unknown as LooseDb;
  const name: string = table;
  const fromRow = (row: object) => toRecord(row as Row<T>);
  const where = (column: string, operator: '=' | 'in', value: unknown) =>
    loose.selectFrom(name).selectAll().where(column, operator, value);
  const list = async (query: ReturnType<typeof where>, order: readonly Order<T>[]) => {
    for (const term of order) {
      const column = term.replace(/ desc$/, '');
      query = column === term ? query.orderBy(column) : query.orderBy(column, 'desc');
    }
    return (await query.execute()).map(fromRow);
  };
  const find = (column: string, value: unknown) => firstRecord(where(column, '=', value), fromRow);

  return {
    /** Writes `row` and gives back its record, without reading it again. */
    async insert(row: Row<T>): Promise<R> {
      await loose.insertInto(name).values(row).execute();
      return toRecord(row);
    },
    /** The row whose `column` is `value` (the first, where several are). */
    findBy: <C extends Column<T>>(column: C, value: Row<T>[C]) => find(column, value),
    findById: (id: string) => find('id', id),
    /** The rows whose `column` is `value`, sorted by `order`. */
    listBy: <C extends Column<T>>(column: C, value: Row<T>[C], ...order: Order<T>[]) =>
      list(where(column, '=', value), order),
    /** The rows whose `column` is one of `values` (none for an empty list), sorted by `order`. */
    async listByAny<C extends Column<T>>(column: C, values: readonly Row<T>[C][], ...order: Order<T>[]): Promise<R[]> {
      if (values.length === 0) return [];
      return list(where(column, 'in', values), order);
    },
    /** Sets `values` on the row `id`, giving back its record as updated (none when there is no such row). */
    updateById: (id: string, values: Updateable<Database[T]>) =>
      firstRecord(loose.updateTable(name).set(values).where('id', '=', id).returningAll(), fromRow),
    /** Whether there was a row `id` to delete. */
    async deleteById(id: string): Promise<boolean> {
      const result = await loose.deleteFrom(name).where('id', '=', id).executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },
  };
}

/**
 * Inserts `row` into `table`, or where a row with the same `key` (a unique column or columns) is there,
 * sets the columns of `row` on it but for the key and those in `keep` (kept as first inserted, such as
 * `created_at`).
 * Gives back the row as stored.
 */
export async function upsertRow<T extends keyof Database, K extends keyof Insertable<Database[T]> & string>(
  db: Db,
  table: T,
  key: K | readonly K[],
  row: Insertable<Database[T]>,
  keep: readonly (keyof Insertable<Database[T]> & string)[] = [],
): Promise<Selectable<Database[T]>> {
  // The same loose view as in `tableRows`; `row` was checked against the table by the signature.
  const loose = db as unknown as LooseDb;
  const keys = [key].flat();
  const fixed = new Set<string>([...keys, ...keep]);
  const changes = Object.fromEntries(Object.entries(row).filter(([column]) => !fixed.has(column)));
  const name: string = table;
  const stored = await loose
    .insertInto(name)
    .values(row)
    .onConflict((oc) => oc.columns(keys).doUpdateSet(changes))
    .returningAll()
    .executeTakeFirstOrThrow();
  return stored as Selectable<Database[T]>;
}

/**
 * Inserts `row`, leaving `column` to its default unless `given`: a database not yet migrated to the
 * column (such as reader languages, 0041) takes the same insert.
 */
export async function insertLeavingDefault<T extends keyof Database>(
  db: Db,
  table: T,
  row: Insertable<Database[T]>,
  column: keyof Insertable<Database[T]> & string,
  given: boolean,
): Promise<void> {
  const loose = db as unknown as LooseDb;
  const stored = given ? row : Object.fromEntries(Object.entries(row).filter(([name]) => name !== column));
  const name: string = table;
  await loose.insertInto(name).values(stored).execute();
}
