import { moneyLine, totalsOf } from '../../core/money/money-lines.js';
import type { MoneyLine } from '../../core/money/money-types.js';
import type { UserRecord } from '../../core/records/index.js';
import type { Repositories } from '../../storage/repositories/repositories.js';
import { invalidField, isNotFound } from '../domain-errors.js';
import { loadClinicPrice } from './money-access.js';

/** The largest amount a document may come to: far beyond any course, and within a 32-bit column. */
export const maxDocumentMinor = 1_000_000_000;

/** A line as a request gives it: from the price list (`priceId`), or written out. */
export interface LineRequest {
  priceId?: string | undefined;
  description?: string | undefined;
  quantity: number;
  unitPriceMinor?: number | undefined;
  taxRatePercent?: number | undefined;
}

/**
 * A request's lines made whole: a line naming a price takes the price's words, amount and tax rate
 * unless it gives its own; a written-out line must give all three. Returns the currency the priced
 * lines are in (they must agree); a 400 names the first faulty field, e.g. `lines[1].priceId`.
 */
export async function resolveLines(
  repos: Repositories,
  user: UserRecord,
  requests: readonly LineRequest[],
  field = 'lines',
): Promise<{ lines: MoneyLine[]; currency: string | undefined }> {
  let currency: string | undefined;
  const lines: MoneyLine[] = [];
  for (const [i, request] of requests.entries()) {
    const at = `${field}[${i}]`;
    if (request.priceId !== undefined) {
      const price = await loadClinicPrice(repos, user, request.priceId).catch((error: unknown) => {
        throw isNotFound(error) ? invalidField(`${at}.priceId`, 'must be a price of the clinic') : error;
      });
      if (!price.active) throw invalidField(`${at}.priceId`, 'is no longer on the price list');
      if (currency !== undefined && price.currency !== currency)
        throw invalidField(`${at}.priceId`, `is in ${price.currency}, not ${currency} like the lines before it`);
      currency = price.currency;
      lines.push(
        moneyLine({
          description: request.description ?? price.name,
          quantity: request.quantity,
          unitPriceMinor: request.unitPriceMinor ?? price.unitPriceMinor,
          taxRatePercent: request.taxRatePercent ?? price.taxRatePercent,
          priceId: price.id,
        }),
      );
      continue;
    }
    for (const key of ['description', 'unitPriceMinor', 'taxRatePercent'] as const)
      if (request[key] === undefined) throw invalidField(`${at}.${key}`, 'required when the line names no priceId');
    lines.push(
      moneyLine({
        description: request.description ?? '',
        quantity: request.quantity,
        unitPriceMinor: request.unitPriceMinor ?? 0,
        taxRatePercent: request.taxRatePercent ?? 0,
      }),
    );
  }
  return { lines, currency };
}

/** A document's total must stay within what a column holds; the field is the one to shorten. */
export function assertWithinLimit(lines: readonly MoneyLine[], field = 'lines'): void {
  if (totalsOf(lines).totalMinor > maxDocumentMinor)
    throw invalidField(field, `must come to at most ${maxDocumentMinor} minor units in all`);
}

/** A quote's or invoice's total: within what a column holds, and not below zero. */
export function checkedTotal(lines: readonly MoneyLine[]): number {
  assertWithinLimit(lines);
  const total = totalsOf(lines).totalMinor;
  if (total < 0) throw invalidField('lines', 'must not come to less than zero');
  return total;
}

/** Two currencies that must agree: a 400 naming `field` when they do not. */
export function sameCurrency(a: string | undefined, b: string | undefined, field: string): string | undefined {
  if (a !== undefined && b !== undefined && a !== b) throw invalidField(field, `must be in ${a}, not ${b}`);
  return a ?? b;
}
