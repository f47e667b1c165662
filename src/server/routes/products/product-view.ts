import type { KnowledgeBase } from '../../../core/knowledge/knowledge-base.js';
import type { LotRecord, ProductRecord } from '../../../core/records/index.js';
import { productStock } from '../../../core/stock/stock-levels.js';
import type { Repositories } from '../../../storage/repositories/repositories.js';
import { loadClinicStock } from '../../../services/stock/stock-reports.js';

/**
 * A product as the catalogue shows it: its ingredients with their knowledge-base names, what its
 * lots that can be charted on `today` hold together, and its lots (soonest expiry first).
 */
export function productWithLots(product: ProductRecord, lots: readonly LotRecord[], today: string, kb: KnowledgeBase) {
  const own = lots.filter((lot) => lot.productId === product.id);
  return {
    ...product,
    ingredientNames: product.ingredients.map((id) => kb.ingredients.get(id)?.name ?? id),
    stockMl: productStock([product], own, today)[0]?.usableMl ?? 0,
    lots: own,
  };
}

/** One product of the clinic as the catalogue shows it, judged on the clinic's today. */
export async function productShown(repos: Repositories, product: ProductRecord, kb: KnowledgeBase, now: Date) {
  const stock = await loadClinicStock(repos, product.clinicId, now);
  return productWithLots(product, stock.lots, stock.today, kb);
}
