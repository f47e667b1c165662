import type { Ok } from '../api/api-types';

export type StockProduct = Ok<'/api/products', 'get'>['products'][number];
export type StockLot = StockProduct['lots'][number];
export type LowStock = Ok<'/api/stock/low-stock', 'get'>;
export type ExpiringStock = Ok<'/api/stock/expiring', 'get'>;

export type LotState = 'usable' | 'recalled' | 'expired' | 'emptyLot';

/** Why a lot cannot be charted on `today` (the first reason that holds), or that it can. */
export function lotState(lot: StockLot, today: string): LotState {
  if (lot.recalled) return 'recalled';
  if (lot.expiryDate < today) return 'expired';
  if (lot.remainingMl <= 0) return 'emptyLot';
  return 'usable';
}

/** A number typed in a Mantine NumberInput (a number, or '' when empty) for the API: undefined when empty. */
export function typedNumber(value: number | string): number | undefined {
  if (value === '') return undefined;
  const number = typeof value === 'number' ? value : Number(value);
  return Number.isFinite(number) ? number : undefined;
}
