import { describe, expect, it } from 'vitest';
import { lotState, typedNumber, type StockLot } from './stock-types';

const lot = (overrides: Partial<StockLot> = {}): StockLot => ({
  id: 'l1',
  productId: 'p1',
  lotNumber: 'L-1',
  expiryDate: '2026-06-30',
  recalled: false,
  recalledAt: null,
  createdAt: '2026-01-01T00:00:00.000Z',
  receivedMl: 10,
  remainingMl: 4,
  supplier: null,
  storageNote: null,
  ...overrides,
});

describe('stock lots', () => {
  it('names why a lot cannot be charted, recall first, then expiry, then an empty lot', () => {
    expect(lotState(lot(), '2026-06-30')).toBe('usable');
    expect(lotState(lot(), '2026-07-01')).toBe('expired');
    expect(lotState(lot({ recalled: true, remainingMl: 0 }), '2026-07-01')).toBe('recalled');
    expect(lotState(lot({ remainingMl: 0 }), '2026-06-01')).toBe('emptyLot');
  });

  it('reads a number field: empty is nothing, text is a number when it is one', () => {
    expect(typedNumber('')).toBeUndefined();
    expect(typedNumber(2.5)).toBe(2.5);
    expect(typedNumber('7')).toBe(7);
    expect(typedNumber('-')).toBeUndefined();
  });
});
