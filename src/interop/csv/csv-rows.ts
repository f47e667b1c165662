import { stringify } from 'csv-stringify/sync';

export type CsvCell = string | number | boolean | null | undefined;

export interface CsvColumn<Row> {
  header: string;
  value: (row: Row) => CsvCell;
}

export interface CsvOptions {
  /** A UTF-8 byte-order mark first, so spreadsheet programs read "ş" and "İ" right. Default true. */
  bom?: boolean;
}

const stringifyOptions = {
  // Cells starting with = + - @ get a leading ' so a spreadsheet never runs patient-typed text as a formula.
  escape_formulas: true,
  record_delimiter: 'windows',
  quote_record_delimiter: true,
  cast: { boolean: (v: boolean) => (v ? 'yes' : 'no') },
} as const;

/**
 * CSV text, a header line and then one line per row, each yielded as it is made: rows are pulled
 * from `rows` only as the consumer reads, so a report over the whole clinic never sits in memory.
 */
export async function* csvLines<Row>(
  columns: readonly CsvColumn<Row>[],
  rows: AsyncIterable<Row> | Iterable<Row>,
  options: CsvOptions = {},
): AsyncGenerator<string, void, undefined> {
  yield stringify([columns.map((c) => c.header)], { ...stringifyOptions, bom: options.bom ?? true });
  for await (const row of rows) yield stringify([columns.map((c) => c.value(row))], stringifyOptions);
}
