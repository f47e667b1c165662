import type { LotRecord, ProductRecord, UserRecord } from '../../core/records/index.js';
import type { Repositories } from '../../storage/repositories/repositories.js';
import { notFound } from '../domain-errors.js';

/** The product if it is of the user's clinic; another clinic's is "not found", as for patients. */
export async function loadClinicProduct(
  repos: Repositories,
  user: UserRecord,
  productId: string,
): Promise<ProductRecord> {
  const product = await repos.products.findProduct(productId);
  if (!product || product.clinicId !== user.clinicId) throw notFound('product');
  return product;
}

/** The lot and its product, if the product is of the user's clinic. */
export async function loadClinicLot(
  repos: Repositories,
  user: UserRecord,
  lotId: string,
): Promise<{ lot: LotRecord; product: ProductRecord }> {
  const lot = await repos.products.findLot(lotId);
  const product = lot && (await repos.products.findProduct(lot.productId));
  if (!lot || !product || product.clinicId !== user.clinicId) throw notFound('lot');
  return { lot, product };
}
