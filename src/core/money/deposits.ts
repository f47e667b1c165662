import { moneyLine } from './money-lines.js';
import type { MoneyLine } from './money-types.js';

/**
 * Deposits are asked as a plain amount and invoiced without tax: the tax of the course is charged in
 * full on the course's invoice, which takes the deposits off as an untaxed line. So the tax is
 * declared once, on the supply, and the two invoices together come to the quote's total.
 */
export const depositLine = (depositMinor: number, description: string): MoneyLine =>
  moneyLine({ description, quantity: 1, unitPriceMinor: depositMinor, taxRatePercent: 0 });

/**
 * The line that takes deposits already invoiced off the course's invoice: never more than the
 * other lines come to, so the invoice cannot go below zero. None when there is nothing to deduct.
 */
export function depositDeductionLine(
  depositsMinor: number,
  linesTotalMinor: number,
  description: string,
): MoneyLine | undefined {
  const deducted = Math.min(depositsMinor, Math.max(linesTotalMinor, 0));
  if (deducted <= 0) return undefined;
  return moneyLine({ description, quantity: 1, unitPriceMinor: -deducted, taxRatePercent: 0 });
}
