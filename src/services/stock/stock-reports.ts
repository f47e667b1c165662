import { localDate } from '../../core/dates/local-date.js';
import type { LotRecord, ProductRecord } from '../../core/records/index.js';
import {
  expiringSoon,
  lowStock,
  productStock,
  type ExpiringLot,
  type ProductStock,
} from '../../core/stock/stock-levels.js';
import type { Repositories } from '../../storage/repositories/repositories.js';
import { clinicTimeZone } from '../documents/clinic-zone.js';

/** The clinic's catalogue with every lot, and today where the clinic is (expiry dates are its calendar days). */
export interface ClinicStock {
  today: string;
  products: ProductRecord[];
  lots: LotRecord[];
}

export async function loadClinicStock(repos: Repositories, clinicId: string, now: Date): Promise<ClinicStock> {
  const [products, lots, timeZone] = await Promise.all([
    repos.products.listProducts(clinicId),
    repos.products.listClinicLots(clinicId),
    clinicTimeZone(repos, clinicId),
  ]);
  return { today: localDate(now.toISOString(), timeZone), products, lots };
}

/** Each product with what its lots that can still be charted hold, by name. */
export function stockByProduct(stock: ClinicStock): ProductStock[] {
  return productStock(stock.products, stock.lots, stock.today);
}

/** Products at or below their low-stock threshold, lowest first. */
export function lowStockProducts(stock: ClinicStock): ProductStock[] {
  return lowStock(stock.products, stock.lots, stock.today);
}

/** Lots with stock that expire within `days`, or already have, soonest first, each with its product. */
export function expiringLots(stock: ClinicStock, days: number): (ExpiringLot & { product: ProductRecord })[] {
  const products = new Map(stock.products.map((p) => [p.id, p]));
  return expiringSoon(stock.lots, stock.today, days).flatMap((entry) => {
    const product = products.get(entry.lot.productId);
    return product ? [{ ...entry, product }] : [];
  });
}
