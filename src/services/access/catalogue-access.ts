import type { LotRecord, ProductRecord, UserRecord } from '../../core/records/index.js';
import type { Repositories } from '../../storage/repositories/repositories.js';
import { ofOwnClinic } from './clinic-record.js';
import { found } from '../found.js';

/** The product if it is of the user's clinic; another clinic's is "not found", as for patients. */
export async function loadClinicProduct(
  repos: Repositories,
  user: UserRecord,
  productId: string,
): Promise<ProductRecord> {
  return ofOwnClinic(await repos.products.findProduct(productId), user, 'product');
}

/** The lot and its product, if the product is of the user's clinic. */
export async function loadClinicLot(
  repos: Repositories,
  user: UserRecord,
  lotId: string,
): Promise<{ lot: LotRecord; product: ProductRecord }> {
  const lot = found(await repos.products.findLot(lotId), 'lot');
  return { lot, product: ofOwnClinic(await repos.products.findProduct(lot.productId), user, 'lot') };
}
