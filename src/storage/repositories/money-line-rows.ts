import type { Insertable, Selectable } from 'kysely';
import type { MoneyLine } from '../../core/money/money-types.js';
import { percentOf, taxBasisPoints, totalsOf } from '../../core/money/money-lines.js';
import type { Db } from '../create-database.js';
import type { Database, MoneyLineColumns } from '../database-schema.js';
import type { LooseDb } from './table-rows.js';
import { rowMapper } from './row-mapper.js';

/** Lines to rows and back; rates are stored as hundredths of a percent (see migration 0030). */
export function lineRow(line: MoneyLine, position: number): MoneyLineColumns {
  return {
    position,
    description: line.description,
    quantity: line.quantity,
    unit_price_minor: line.unitPriceMinor,
    tax_rate_bp: taxBasisPoints(line.taxRatePercent),
    net_minor: line.netMinor,
    tax_minor: line.taxMinor,
    total_minor: line.totalMinor,
    price_id: line.priceId,
  };
}

export const toLine = rowMapper<Selectable<MoneyLineColumns>, MoneyLine>()(
  'description, quantity, unit_price_minor, tax_rate_bp as taxRatePercent, net_minor, tax_minor, total_minor, price_id',
  {
    quantity: Number,
    unitPriceMinor: Number,
    taxRatePercent: (basisPoints) => percentOf(Number(basisPoints)),
    netMinor: Number,
    taxMinor: Number,
    totalMinor: Number,
  },
);

/** The tables of quote, invoice and credit-note lines, each with the column naming its document. */
const documentColumn = {
  quote_lines: 'quote_id',
  invoice_lines: 'invoice_id',
  credit_note_lines: 'credit_note_id',
} as const;
type LineTable = keyof typeof documentColumn;

// The three line tables share their columns but for the one naming the document, which Kysely
// cannot check through a table named by a parameter: the queries go through a loose view.
const loose = (db: Db) => db as unknown as LooseDb;

/** Writes a document's lines in their order (nothing for none). */
async function insertLines(db: Db, table: LineTable, documentId: string, lines: readonly MoneyLine[]): Promise<void> {
  if (lines.length === 0) return;
  const column = documentColumn[table];
  await loose(db)
    .insertInto(table)
    .values(lines.map((line, i) => ({ [column]: documentId, ...lineRow(line, i) })))
    .execute();
}

/** The tables of quotes, invoices and credit notes: each one's table of lines, and its name in an error. */
const documentTables = {
  quotes: { lines: 'quote_lines', name: 'quote' },
  invoices: { lines: 'invoice_lines', name: 'invoice' },
  credit_notes: { lines: 'credit_note_lines', name: 'credit note' },
} as const;

/**
 * Writes a quote, invoice or credit note (`row`) and its lines, then reads it back through `find`,
 * which puts the lines and what it joins on the record: it is there, or something is badly wrong.
 */
export async function insertDocument<T extends keyof typeof documentTables, D>(
  db: Db,
  table: T,
  lines: readonly MoneyLine[],
  find: (id: string) => Promise<D | undefined>,
  row: Insertable<Database[T]> & { id: string },
): Promise<D> {
  await loose(db).insertInto(table).values(row).execute();
  await insertLines(db, documentTables[table].lines, row.id, lines);
  const document = await find(row.id);
  if (!document) throw new Error(`the ${documentTables[table].name} just written was not found`);
  return document;
}

/** The lines of each of `documents`, in line order, by document id. */
export async function linesOf(
  db: Db,
  table: LineTable,
  documents: readonly { id: string }[],
): Promise<Map<string, MoneyLine[]>> {
  const groups = new Map<string, MoneyLine[]>();
  if (documents.length === 0) return groups;
  const column = documentColumn[table];
  const ids = documents.map((d) => d.id);
  const rows = (await loose(db)
    .selectFrom(table)
    .selectAll()
    .where(column, 'in', ids)
    .execute()) as unknown as (Selectable<MoneyLineColumns> & Record<typeof column, string>)[];
  for (const row of rows.sort((a, b) => Number(a.position) - Number(b.position))) {
    const list = groups.get(row[column]) ?? [];
    list.push(toLine(row));
    groups.set(row[column], list);
  }
  return groups;
}

export const totalsOfRow = (row: { net_minor: number; tax_minor: number; total_minor: number }) => ({
  netMinor: Number(row.net_minor),
  taxMinor: Number(row.tax_minor),
  totalMinor: Number(row.total_minor),
});

/** A document's stored totals, from its lines. */
export function totalsColumns(lines: readonly MoneyLine[]): {
  net_minor: number;
  tax_minor: number;
  total_minor: number;
} {
  const totals = totalsOf(lines);
  return { net_minor: totals.netMinor, tax_minor: totals.taxMinor, total_minor: totals.totalMinor };
}
