import { addDays, daysBetween, type IsoDate } from '../dates/iso-date.js';
import type { LotRecord, ProductRecord } from '../records/index.js';

/** Sums millilitre figures through whole microlitres (as stored), so 0.1 + 0.2 is 0.3. */
export function sumMl(values: readonly number[]): number {
  return values.reduce((total, ml) => total + Math.round(ml * 1000), 0) / 1000;
}

/** A lot that can still be charted on `today`: not recalled, not expired, with stock left. */
export function isUsableLot(lot: LotRecord, today: IsoDate): boolean {
  return !lot.recalled && lot.expiryDate >= today && lot.remainingMl > 0;
}

export interface ProductStock {
  product: ProductRecord;
  /** What the product's usable lots hold together. */
  usableMl: number;
  usableLots: number;
}

/** What each product holds in lots that can still be charted on `today`. */
export function productStock(
  products: readonly ProductRecord[],
  lots: readonly LotRecord[],
  today: IsoDate,
): ProductStock[] {
  return products.map((product) => {
    const usable = lots.filter((lot) => lot.productId === product.id && isUsableLot(lot, today));
    return { product, usableMl: sumMl(usable.map((lot) => lot.remainingMl)), usableLots: usable.length };
  });
}

/** Products whose usable stock is at or below their threshold (none left is always low), lowest first. */
export function lowStock(
  products: readonly ProductRecord[],
  lots: readonly LotRecord[],
  today: IsoDate,
): ProductStock[] {
  return productStock(products, lots, today)
    .filter((stock) => stock.usableMl <= stock.product.lowStockMl)
    .sort((a, b) => a.usableMl - b.usableMl || a.product.name.localeCompare(b.product.name));
}

export interface ExpiringLot {
  lot: LotRecord;
  /** Days from `today` to the expiry date: 0 on the last usable day, negative once expired. */
  daysLeft: number;
}

/**
 * Lots with stock left, not recalled, that expire within `days` of `today` or have expired already
 * (stock to use first, or to discard), soonest first.
 */
export function expiringSoon(lots: readonly LotRecord[], today: IsoDate, days: number): ExpiringLot[] {
  const until = addDays(today, days);
  return lots
    .filter((lot) => !lot.recalled && lot.remainingMl > 0 && lot.expiryDate <= until)
    .map((lot) => ({ lot, daysLeft: daysBetween(today, lot.expiryDate) }))
    .sort((a, b) => a.lot.expiryDate.localeCompare(b.lot.expiryDate) || a.lot.id.localeCompare(b.lot.id));
}
