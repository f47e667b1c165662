import type { ConsentTextRecord, LotRecord, ProductRecord } from '../../core/records/index.js';
import type { Repositories } from '../../storage/repositories/repositories.js';

/**
 * The catalogue rows (products, lots, consent texts) that patients' records refer to, looked up
 * once each. A whole-clinic export shares one cache: it grows with the clinic's catalogue, which is
 * small, never with its patients.
 */
export interface CatalogueCache {
  lots(ids: Iterable<string>): Promise<LotRecord[]>;
  products(ids: Iterable<string>): Promise<ProductRecord[]>;
  consentTexts(ids: Iterable<string>): Promise<ConsentTextRecord[]>;
}

function memo<T>(find: (id: string) => Promise<T | undefined>): (ids: Iterable<string>) => Promise<T[]> {
  const known = new Map<string, T | undefined>();
  return async (ids) => {
    const wanted = [...new Set(ids)];
    for (const id of wanted) if (!known.has(id)) known.set(id, await find(id));
    return wanted.map((id) => known.get(id)).filter((row): row is T => row !== undefined);
  };
}

export function catalogueCache(repos: Repositories): CatalogueCache {
  return {
    lots: memo((id) => repos.products.findLot(id)),
    products: memo((id) => repos.products.findProduct(id)),
    consentTexts: memo((id) => repos.consent.findText(id)),
  };
}
