import { describe, expect, it } from 'vitest';
import type { PriceListItem } from './money-api';
import { blankLine, draftAmounts, linesToSend, suggestedLines } from './line-drafts';

const price = (over: Partial<PriceListItem>): PriceListItem => ({
  id: 'p',
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

const prices = [
  price({ id: 'any', name: 'Any session', unitPriceMinor: 9_000 }),
  price({ id: 'hair', name: 'Hair session', indication: 'hair_loss', unitPriceMinor: 12_000 }),
  price({
    id: 'hair4',
    kind: 'course_package',
    name: 'Hair, 4',
    indication: 'hair_loss',
    sessions: 4,
    unitPriceMinor: 40_000,
  }),
  price({ id: 'old', kind: 'course_package', name: 'Hair, 6', indication: 'hair_loss', sessions: 6, active: false }),
];

describe('suggested quote lines', () => {
  it('takes the course package for exactly that many sessions', () => {
    const [line, ...rest] = suggestedLines(prices, 'hair_loss', 4);
    expect(rest).toEqual([]);
    expect(line).toMatchObject({ priceId: 'hair4', description: 'Hair, 4', quantity: 1, unitPrice: 400, taxRate: 20 });
  });

  it('falls back to the session price times the sessions, skipping inactive packages', () => {
    expect(suggestedLines(prices, 'hair_loss', 6)).toMatchObject([{ priceId: 'hair', quantity: 6, unitPrice: 120 }]);
    expect(suggestedLines(prices, 'cellulite', 5)).toMatchObject([{ priceId: 'any', quantity: 5, unitPrice: 90 }]);
  });

  it('suggests nothing without an indication, sessions or a matching price', () => {
    expect(suggestedLines(prices, null, 4)).toEqual([]);
    expect(suggestedLines(prices, 'hair_loss', null)).toEqual([]);
    expect(suggestedLines([], 'hair_loss', 4)).toEqual([]);
  });
});

describe('line amounts and what is sent', () => {
  it('works out net and tax in minor units, half away from zero', () => {
    const line = { ...blankLine(), quantity: 3, unitPrice: 12.5, taxRate: 7.5 };
    // 3 × 1250 = 3750; 7.5 % of it is 281.25 -> 281.
    expect(draftAmounts(line, 'EUR')).toEqual({ netMinor: 3750, taxMinor: 281 });
    expect(draftAmounts({ ...line, quantity: 1, unitPrice: 0.1, taxRate: 5 }, 'EUR')).toEqual({
      netMinor: 10,
      taxMinor: 1,
    });
    expect(draftAmounts({ ...line, quantity: 1, unitPrice: -0.1, taxRate: 5 }, 'EUR')).toEqual({
      netMinor: -10,
      taxMinor: -1,
    });
    expect(draftAmounts({ ...line, unitPrice: '' }, 'EUR')).toEqual({ netMinor: 0, taxMinor: 0 });
  });

  it('sends a price line by its id and a typed line by its description', () => {
    const [fromList] = suggestedLines(prices, 'hair_loss', 4);
    const typed = { ...blankLine(), description: ' Aftercare kit ', quantity: 2, unitPrice: 15, taxRate: 20 };
    const renamed = { ...fromList!, description: 'Hair course (special)', unitPrice: 350 };
    expect(linesToSend([fromList!, typed, renamed], prices, 'EUR')).toEqual([
      { priceId: 'hair4', quantity: 1, unitPriceMinor: 40_000, taxRatePercent: 20 },
      { description: 'Aftercare kit', quantity: 2, unitPriceMinor: 1500, taxRatePercent: 20 },
      {
        priceId: 'hair4',
        description: 'Hair course (special)',
        quantity: 1,
        unitPriceMinor: 35_000,
        taxRatePercent: 20,
      },
    ]);
  });
});
