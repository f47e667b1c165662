import { describe, expect, it } from 'vitest';
import type { LotRecord, ProductRecord } from '../records/index.js';
import { expiringSoon, isUsableLot, lowStock, productStock, sumMl } from './stock-levels.js';

const product = (id: string, lowStockMl = 10): ProductRecord => ({
  id,
  clinicId: 'c',
  name: `Product ${id}`,
  manufacturer: null,
  ingredients: [],
  createdAt: '2026-01-01T00:00:00.000Z',
  lowStockMl,
});

let lotCount = 0;
const lot = (productId: string, remainingMl: number, expiryDate = '2027-01-01', recalled = false): LotRecord => ({
  id: `l${++lotCount}`,
  productId,
  lotNumber: `L-${lotCount}`,
  expiryDate,
  recalled,
  recalledAt: null,
  createdAt: '2026-01-01T00:00:00.000Z',
  receivedMl: 50,
  remainingMl,
  supplier: null,
  storageNote: null,
});

const today = '2026-06-15';

describe('stock levels', () => {
  it('adds millilitres through microlitres', () => {
    expect(sumMl([0.1, 0.2])).toBe(0.3);
    expect(sumMl(Array.from({ length: 10 }, () => 0.1))).toBe(1);
  });

  it('counts only lots that can be charted today: not recalled, not expired, not empty', () => {
    expect(isUsableLot(lot('a', 1, today), today)).toBe(true);
    expect(isUsableLot(lot('a', 1, '2026-06-14'), today)).toBe(false);
    expect(isUsableLot(lot('a', 1, today, true), today)).toBe(false);
    expect(isUsableLot(lot('a', 0), today)).toBe(false);
    const lots = [lot('a', 4), lot('a', 3.5), lot('a', 20, '2026-01-01'), lot('a', 20, '2027-01-01', true)];
    expect(productStock([product('a')], lots, today)).toEqual([
      { product: product('a'), usableMl: 7.5, usableLots: 2 },
    ]);
  });

  it('lists products at or below their own threshold, lowest first; none left is always low', () => {
    const products = [product('plenty'), product('edge', 5), product('none', 0), product('short')];
    const lots = [lot('plenty', 30), lot('edge', 5), lot('short', 2), lot('short', 20, '2026-06-01')];
    expect(lowStock(products, lots, today).map((s) => [s.product.id, s.usableMl])).toEqual([
      ['none', 0],
      ['short', 2],
      ['edge', 5],
    ]);
  });

  it('lists lots with stock that expire within the window or already have, soonest first', () => {
    const lots = [
      lot('a', 1, '2026-08-15'),
      lot('a', 1, '2026-08-14'),
      lot('a', 1, '2026-06-10'),
      lot('a', 0, '2026-06-20'),
      lot('a', 1, '2026-06-20', true),
      lot('a', 1, today),
    ];
    expect(expiringSoon(lots, today, 60).map((e) => [e.lot.expiryDate, e.daysLeft])).toEqual([
      ['2026-06-10', -5],
      [today, 0],
      ['2026-08-14', 60],
    ]);
  });
});
