import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { divideRounded, isCurrencyCode, isTaxRate, moneyLine, taxBandsOf, taxOn, totalsOf } from './money-lines.js';

describe('money lines', () => {
  it('rounds tax half away from zero, on negative amounts too', () => {
    expect(taxOn(1_005, 10)).toBe(101);
    expect(taxOn(1_004, 10)).toBe(100);
    expect(taxOn(-1_005, 10)).toBe(-101);
    expect(taxOn(333, 7.5)).toBe(25); // 24.975
    expect(taxOn(10, 5)).toBe(1); // 0.5
    expect(taxOn(9, 5)).toBe(0); // 0.45
    expect(Object.is(taxOn(-1, 10), -0)).toBe(false);
  });

  it('divides integers exactly, whatever a float would make of the half', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: 1, max: 20_000 }), (n, d) => {
        const q = divideRounded(n, d);
        // The remainder left is at most half the divisor, and exactly half only rounds away from zero.
        const rest = n - q * d;
        expect(Math.abs(2 * rest)).toBeLessThanOrEqual(d);
        if (Math.abs(2 * rest) === d) expect(Math.sign(rest)).toBe(-Math.sign(n));
      }),
    );
  });

  it('makes a line of quantity × unit price and its tax', () => {
    expect(moneyLine({ description: 'Session', quantity: 3, unitPriceMinor: 12_345, taxRatePercent: 20 })).toEqual({
      description: 'Session',
      quantity: 3,
      unitPriceMinor: 12_345,
      taxRatePercent: 20,
      netMinor: 37_035,
      taxMinor: 7_407,
      totalMinor: 44_442,
      priceId: null,
    });
  });

  it('sums the tax of the lines as printed, and groups it per rate, highest first', () => {
    const lines = [
      moneyLine({ description: 'a', quantity: 1, unitPriceMinor: 5, taxRatePercent: 10 }),
      moneyLine({ description: 'b', quantity: 1, unitPriceMinor: 5, taxRatePercent: 10 }),
      moneyLine({ description: 'c', quantity: 2, unitPriceMinor: 1_000, taxRatePercent: 20 }),
      moneyLine({ description: 'd', quantity: 1, unitPriceMinor: -300, taxRatePercent: 0 }),
    ];
    // Each 0.5 of tax is rounded up on its line: 1 + 1, where 10 % of the 10 together would be 1.
    expect(totalsOf(lines)).toEqual({ netMinor: 1_710, taxMinor: 402, totalMinor: 2_112 });
    expect(taxBandsOf(lines)).toEqual([
      { taxRatePercent: 20, netMinor: 2_000, taxMinor: 400 },
      { taxRatePercent: 10, netMinor: 10, taxMinor: 2 },
      { taxRatePercent: 0, netMinor: -300, taxMinor: 0 },
    ]);
  });

  it('knows a currency code and a tax rate when it sees one', () => {
    expect(['EUR', 'TRY'].map(isCurrencyCode)).toEqual([true, true]);
    expect(['eur', 'EU', 'EURO', 'E1R', ''].map(isCurrencyCode)).toEqual([false, false, false, false, false]);
    expect([0, 7.5, 18, 100, 12.25].map(isTaxRate)).toEqual([true, true, true, true, true]);
    expect([-1, 100.01, 7.555, Number.NaN].map(isTaxRate)).toEqual([false, false, false, false]);
  });
});
