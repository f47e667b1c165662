import type { Selectable } from 'kysely';
import type { MoneyLine } from '../../core/money/money-types.js';
import { percentOf, taxBasisPoints } from '../../core/money/money-lines.js';
import type { MoneyLineColumns } from '../database-schema.js';

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

export function toLine(row: Selectable<MoneyLineColumns>): MoneyLine {
  return {
    description: row.description,
    quantity: Number(row.quantity),
    unitPriceMinor: Number(row.unit_price_minor),
    taxRatePercent: percentOf(Number(row.tax_rate_bp)),
    netMinor: Number(row.net_minor),
    taxMinor: Number(row.tax_minor),
    totalMinor: Number(row.total_minor),
    priceId: row.price_id,
  };
}

/** Lines grouped by their document, each group in line order. */
export function linesByParent<R extends Selectable<MoneyLineColumns>>(
  rows: readonly R[],
  parentOf: (row: R) => string,
): Map<string, MoneyLine[]> {
  const groups = new Map<string, MoneyLine[]>();
  for (const row of [...rows].sort((a, b) => Number(a.position) - Number(b.position))) {
    const list = groups.get(parentOf(row)) ?? [];
    list.push(toLine(row));
    groups.set(parentOf(row), list);
  }
  return groups;
}

export const totalsOfRow = (row: { net_minor: number; tax_minor: number; total_minor: number }) => ({
  netMinor: Number(row.net_minor),
  taxMinor: Number(row.tax_minor),
  totalMinor: Number(row.total_minor),
});
