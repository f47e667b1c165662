import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  balanceOf,
  creditLinesForAmount,
  creditRoomOf,
  invoiceStatus,
  isOverpayment,
  shareOut,
} from './invoice-rules.js';
import { moneyLine, totalsOf } from './money-lines.js';

const amounts = (totalMinor: number, paidMinor = 0, creditedMinor = 0) => ({ totalMinor, paidMinor, creditedMinor });

describe('invoice rules', () => {
  it('derives the status from what was paid and credited', () => {
    expect(invoiceStatus(amounts(1_000))).toBe('issued');
    expect(invoiceStatus(amounts(1_000, 1))).toBe('part_paid');
    expect(invoiceStatus(amounts(1_000, 1_000))).toBe('paid');
    expect(invoiceStatus(amounts(1_000, 1_200))).toBe('paid');
    expect(invoiceStatus(amounts(1_000, 600, 400))).toBe('paid');
    expect(invoiceStatus(amounts(1_000, 0, 400))).toBe('issued');
    expect(invoiceStatus(amounts(1_000, 0, 1_000))).toBe('credited');
    expect(invoiceStatus(amounts(0))).toBe('paid');
  });

  it('refuses to take more than is owed, and lets a credited remainder go unpaid', () => {
    expect(isOverpayment(amounts(1_000, 400), 600)).toBe(false);
    expect(isOverpayment(amounts(1_000, 400), 601)).toBe(true);
    expect(isOverpayment(amounts(1_000, 400, 600), 1)).toBe(true);
    expect(isOverpayment(amounts(1_000, 1_100), 1)).toBe(true);
    expect(balanceOf(amounts(1_000, 1_100))).toBe(-100);
  });

  it('credits at most what has not been credited yet', () => {
    expect(creditRoomOf(amounts(1_000, 1_000, 300))).toBe(700);
    expect(creditRoomOf(amounts(1_000, 0, 1_000))).toBe(0);
  });

  it('shares an amount out in proportion, to the last minor unit', () => {
    expect(shareOut(100, [1, 1, 1])).toEqual([34, 33, 33]);
    expect(shareOut(10, [0, 5])).toEqual([0, 10]);
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e7 }),
        fc.array(fc.integer({ min: 1, max: 1e6 }), { minLength: 1, maxLength: 6 }),
        (amount, weights) => {
          const shares = shareOut(amount, weights);
          expect(shares.reduce((a, b) => a + b, 0)).toBe(amount);
          for (const share of shares) expect(share).toBeGreaterThanOrEqual(0);
        },
      ),
    );
  });

  it("spreads a credit over the invoice's tax rates, each share split into net and tax, exactly the amount", () => {
    const lines = [
      moneyLine({ description: 'Session', quantity: 2, unitPriceMinor: 10_000, taxRatePercent: 20 }),
      moneyLine({ description: 'Serum', quantity: 1, unitPriceMinor: 6_000, taxRatePercent: 10 }),
      moneyLine({ description: 'Deposit', quantity: 1, unitPriceMinor: -5_000, taxRatePercent: 0 }),
    ];
    const credit = creditLinesForAmount(lines, 9_000, 'Credit');
    expect(credit.map((l) => l.taxRatePercent)).toEqual([20, 10]);
    // 24 000 and 6 600 charged: 9 000 shared 7 059 / 1 941.
    expect(credit.map((l) => l.totalMinor)).toEqual([7_059, 1_941]);
    expect(credit.map((l) => [l.netMinor, l.taxMinor])).toEqual([
      [5_883, 1_176],
      [1_765, 176],
    ]);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: totalsOf(lines).totalMinor }), (amount) => {
        expect(totalsOf(creditLinesForAmount(lines, amount, 'Credit')).totalMinor).toBe(amount);
      }),
    );
  });
});
