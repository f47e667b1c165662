import type { MoneyLine, MoneyTotals, TaxBand } from './money-types.js';

/**
 * Line arithmetic in whole minor units. A tax rate has at most two decimals, so it is handled as
 * hundredths of a percent (basis points): 7.5 % is 750, and tax is net × bp / 10 000 in integers,
 * never through a float that could round 0.5 the wrong way.
 */

export const maxTaxBasisPoints = 10_000;

export const isCurrencyCode = (value: string): boolean => /^[A-Z]{3}$/.test(value);

/** 7.5 → 750. Callers have checked the rate has at most two decimals. */
export const taxBasisPoints = (percent: number): number => Math.round(percent * 100);
export const percentOf = (basisPoints: number): number => basisPoints / 100;

/** Whether a percentage is 0..100 with at most two decimals. */
export function isTaxRate(percent: number): boolean {
  if (!Number.isFinite(percent) || percent < 0 || percent > 100) return false;
  return Math.abs(percent * 100 - Math.round(percent * 100)) < 1e-6;
}

/** numerator / denominator for integers, rounded half away from zero. */
export function divideRounded(numerator: number, denominator: number): number {
  if (denominator <= 0) throw new RangeError('the denominator must be positive');
  const sign = numerator < 0 ? -1 : 1;
  const magnitude = Math.abs(numerator);
  const whole = Math.floor(magnitude / denominator);
  const rest = magnitude - whole * denominator;
  return sign * (2 * rest >= denominator ? whole + 1 : whole) || 0;
}

/** The tax on a net amount at a rate, rounded half away from zero to a minor unit. */
export const taxOn = (netMinor: number, taxRatePercent: number): number =>
  divideRounded(netMinor * taxBasisPoints(taxRatePercent), maxTaxBasisPoints);

export interface LineInput {
  description: string;
  quantity: number;
  unitPriceMinor: number;
  taxRatePercent: number;
  priceId?: string | null;
}

export function moneyLine(input: LineInput): MoneyLine {
  const netMinor = input.quantity * input.unitPriceMinor;
  if (!Number.isSafeInteger(netMinor)) throw new RangeError('the line amount is too large');
  const taxMinor = taxOn(netMinor, input.taxRatePercent);
  return {
    description: input.description,
    quantity: input.quantity,
    unitPriceMinor: input.unitPriceMinor,
    taxRatePercent: input.taxRatePercent,
    netMinor,
    taxMinor,
    totalMinor: netMinor + taxMinor,
    priceId: input.priceId ?? null,
  };
}

/** The sums of the lines: tax is summed per line, as printed, not recomputed on the total. */
export function totalsOf(lines: readonly MoneyLine[]): MoneyTotals {
  let netMinor = 0;
  let taxMinor = 0;
  for (const line of lines) {
    netMinor += line.netMinor;
    taxMinor += line.taxMinor;
  }
  return { netMinor, taxMinor, totalMinor: netMinor + taxMinor };
}

/** Net and tax per rate, highest rate first, for the tax summary an invoice must print. */
export function taxBandsOf(lines: readonly MoneyLine[]): TaxBand[] {
  const bands = new Map<number, TaxBand>();
  for (const line of lines) {
    const key = taxBasisPoints(line.taxRatePercent);
    const band = bands.get(key) ?? { taxRatePercent: percentOf(key), netMinor: 0, taxMinor: 0 };
    band.netMinor += line.netMinor;
    band.taxMinor += line.taxMinor;
    bands.set(key, band);
  }
  return [...bands.entries()].sort(([a], [b]) => b - a).map(([, band]) => band);
}
