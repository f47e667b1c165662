import { divideRounded, maxTaxBasisPoints, taxBandsOf, taxBasisPoints } from './money-lines.js';
import type { InvoiceStatus, MoneyLine } from './money-types.js';

/** What an invoice's state is made of: its total and what payments and credit notes took off it. */
export interface InvoiceAmounts {
  totalMinor: number;
  paidMinor: number;
  creditedMinor: number;
}

/** What is still owed; negative when the patient paid more than the invoice asked (an accepted overpayment). */
export const balanceOf = ({ totalMinor, paidMinor, creditedMinor }: InvoiceAmounts): number =>
  totalMinor - paidMinor - creditedMinor;

/**
 * The status follows from the amounts, so that it can never disagree with them: wholly credited,
 * settled (paid, or paid and partly credited), part paid, or still open as issued.
 */
export function invoiceStatus(amounts: InvoiceAmounts): InvoiceStatus {
  const { totalMinor, paidMinor, creditedMinor } = amounts;
  if (creditedMinor > 0 && creditedMinor >= totalMinor) return 'credited';
  if (balanceOf(amounts) <= 0) return 'paid';
  if (paidMinor > 0) return 'part_paid';
  return 'issued';
}

/**
 * Whether a payment takes more than is owed. Such a payment is kept only when the person recording it
 * says so (`acceptOverpayment`), since the usual cause is a typo in the amount.
 */
export const isOverpayment = (amounts: InvoiceAmounts, paymentMinor: number): boolean =>
  paymentMinor > Math.max(balanceOf(amounts), 0);

/** How much may still be credited: a credit note never takes an invoice below zero. */
export const creditRoomOf = ({ totalMinor, creditedMinor }: InvoiceAmounts): number =>
  Math.max(totalMinor - creditedMinor, 0);

/**
 * Splits `amountMinor` (tax included) over `weights` in proportion, each share rounded down and the
 * minor units left over given to the largest remainders, so that the shares add up exactly.
 */
export function shareOut(amountMinor: number, weights: readonly number[]): number[] {
  const whole = weights.reduce((sum, w) => sum + w, 0);
  if (whole <= 0) return weights.map(() => 0);
  const exact = weights.map((w) => (amountMinor * w) / whole);
  const shares = exact.map(Math.floor);
  let left = amountMinor - shares.reduce((sum, s) => sum + s, 0);
  const order = exact.map((x, i) => ({ i, rest: x - Math.floor(x) })).sort((a, b) => b.rest - a.rest || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    shares[i] = (shares[i] ?? 0) + 1;
    left -= 1;
  }
  return shares;
}

/**
 * The lines of a credit note for an amount, tax included: spread over the invoice's tax rates in
 * proportion to what each rate charged, each share split back into net and tax at its rate. A line's
 * tax is its share minus the net, so the credit note totals exactly the amount asked.
 */
export function creditLinesForAmount(
  invoiceLines: readonly MoneyLine[],
  amountMinor: number,
  description: string,
): MoneyLine[] {
  const bands = taxBandsOf(invoiceLines).filter((band) => band.netMinor + band.taxMinor > 0);
  const shares = shareOut(
    amountMinor,
    bands.map((band) => band.netMinor + band.taxMinor),
  );
  return bands.flatMap((band, i) => {
    const gross = shares[i] ?? 0;
    if (gross === 0) return [];
    const netMinor = divideRounded(gross * maxTaxBasisPoints, maxTaxBasisPoints + taxBasisPoints(band.taxRatePercent));
    return [
      {
        description,
        quantity: 1,
        unitPriceMinor: netMinor,
        taxRatePercent: band.taxRatePercent,
        netMinor,
        taxMinor: gross - netMinor,
        totalMinor: gross,
        priceId: null,
      },
    ];
  });
}
