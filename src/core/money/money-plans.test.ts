import { describe, expect, it } from 'vitest';
import { depositDeductionLine, depositLine } from './deposits.js';
import { ageOwed, daysOverdue, owedBucket } from './owed-ageing.js';
import { courseLinesFromPrices } from './quote-lines.js';
import type { PriceListItem } from './money-types.js';

const price = (over: Partial<PriceListItem>): PriceListItem => ({
  id: over.name ?? 'p',
  clinicId: 'c',
  kind: 'session',
  name: 'Session',
  indication: null,
  sessions: null,
  productId: null,
  area: null,
  unitPriceMinor: 10_000,
  currency: 'EUR',
  taxRatePercent: 20,
  active: true,
  ...over,
});

describe('quote lines from the price list', () => {
  const prices = [
    price({ name: 'Generic session', unitPriceMinor: 9_000 }),
    price({ name: 'Hair session', indication: 'hair_loss', unitPriceMinor: 12_000 }),
    price({
      name: 'Hair course of 6',
      kind: 'course_package',
      indication: 'hair_loss',
      sessions: 6,
      unitPriceMinor: 60_000,
    }),
    price({
      name: 'Old hair course of 4',
      kind: 'course_package',
      indication: 'hair_loss',
      sessions: 4,
      active: false,
    }),
  ];

  it('takes a package covering exactly the sessions, else the session price of the indication, else any session price', () => {
    expect(courseLinesFromPrices(prices, { indication: 'hair_loss', sessions: 6 })?.lines).toEqual([
      expect.objectContaining({ priceId: 'Hair course of 6', quantity: 1, netMinor: 60_000 }),
    ]);
    // The package for 4 is no longer offered.
    expect(courseLinesFromPrices(prices, { indication: 'hair_loss', sessions: 4 })?.lines).toEqual([
      expect.objectContaining({ priceId: 'Hair session', quantity: 4, netMinor: 48_000 }),
    ]);
    expect(courseLinesFromPrices(prices, { indication: 'cellulite', sessions: 3 })?.lines).toEqual([
      expect.objectContaining({ priceId: 'Generic session', quantity: 3, netMinor: 27_000 }),
    ]);
    expect(courseLinesFromPrices(prices.slice(1), { indication: 'cellulite', sessions: 3 })).toBeUndefined();
  });
});

describe('deposits', () => {
  it('asks a deposit untaxed and takes it off the course invoice, never below zero', () => {
    expect(depositLine(20_000, 'Deposit')).toMatchObject({ netMinor: 20_000, taxMinor: 0, totalMinor: 20_000 });
    expect(depositDeductionLine(20_000, 60_000, 'Less deposit')).toMatchObject({
      unitPriceMinor: -20_000,
      totalMinor: -20_000,
    });
    expect(depositDeductionLine(80_000, 60_000, 'Less deposit')?.totalMinor).toBe(-60_000);
    expect(depositDeductionLine(0, 60_000, 'Less deposit')).toBeUndefined();
  });
});

describe('owed ageing', () => {
  it('counts days past the due date into 30-day buckets', () => {
    expect(daysOverdue('2026-03-10', '2026-03-20')).toBe(0);
    expect(daysOverdue('2026-03-31', '2026-03-01')).toBe(30);
    expect([0, 30, 31, 60, 61, 90, 91, 400].map(owedBucket)).toEqual([
      '0-30',
      '0-30',
      '31-60',
      '31-60',
      '61-90',
      '61-90',
      '90+',
      '90+',
    ]);
  });

  it('lists only what is owed, oldest debt first, and totals every bucket', () => {
    const aged = ageOwed(
      [
        { id: 'a', issueDate: '2026-01-01', dueDate: '2026-01-15', balanceMinor: 1_000 },
        { id: 'b', issueDate: '2026-03-01', dueDate: null, balanceMinor: 500 },
        { id: 'c', issueDate: '2026-01-01', dueDate: null, balanceMinor: 0 },
        { id: 'd', issueDate: '2026-02-01', dueDate: null, balanceMinor: -50 },
        { id: 'e', issueDate: '2026-05-01', dueDate: null, balanceMinor: 70 },
      ],
      '2026-04-20',
    );
    expect(aged.items.map((i) => [i.id, i.daysOverdue, i.bucket])).toEqual([
      ['a', 95, '90+'],
      ['b', 50, '31-60'],
    ]);
    expect(aged.buckets).toEqual([
      { label: '0-30', totalMinor: 0 },
      { label: '31-60', totalMinor: 500 },
      { label: '61-90', totalMinor: 0 },
      { label: '90+', totalMinor: 1_000 },
    ]);
  });
});
