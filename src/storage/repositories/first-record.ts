/** What `firstRecord` needs of a Kysely query: any select, update or insert that returns rows. */
interface ReturnsRows<Row> {
  executeTakeFirst(): Promise<Row | undefined>;
}

/** The first row `query` returns, as a record made by `toRecord`; none when it returns no row. */
export async function firstRecord<Row, R>(query: ReturnsRows<Row>, toRecord: (row: Row) => R): Promise<R | undefined> {
  const row = await query.executeTakeFirst();
  return row && toRecord(row);
}
