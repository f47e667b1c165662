import type { Selectable } from 'kysely';
import type { LotsTable, ProductsTable } from '../database-schema.js';
import { newId } from '../ids.js';
import { fromJsonText, toJsonText } from '../json-text.js';
import type { ProductRepository } from './product-repository.js';
import type { LotRecord, ProductRecord } from '../../core/records/index.js';
import type { RepositoryContext } from './repository-context.js';
import { tableRows } from './table-rows.js';

function toProduct(row: Selectable<ProductsTable>): ProductRecord {
  return {
    id: row.id,
    clinicId: row.clinic_id,
    name: row.name,
    manufacturer: row.manufacturer,
    ingredients: fromJsonText<string[]>(row.ingredients),
    createdAt: row.created_at,
  };
}

function toLot(row: Selectable<LotsTable>): LotRecord {
  return {
    id: row.id,
    productId: row.product_id,
    lotNumber: row.lot_number,
    expiryDate: row.expiry_date,
    recalled: row.recalled === 1,
    recalledAt: row.recalled_at,
    createdAt: row.created_at,
  };
}

export function kyselyProductRepository({ db, now }: RepositoryContext): ProductRepository {
  const products = tableRows(db, 'products', toProduct);
  const lots = tableRows(db, 'lots', toLot);
  return {
    async createProduct({ clinicId, name, manufacturer, ingredients }) {
      return products.insert({
        id: newId(),
        clinic_id: clinicId,
        name,
        manufacturer: manufacturer ?? null,
        ingredients: toJsonText(ingredients),
        created_at: now(),
      });
    },
    findProduct: products.findById,
    listProducts: (clinicId) => products.listBy('clinic_id', clinicId, 'name', 'id'),
    async createLot({ productId, lotNumber, expiryDate }) {
      return lots.insert({
        id: newId(),
        product_id: productId,
        lot_number: lotNumber,
        expiry_date: expiryDate,
        recalled: 0,
        recalled_at: null,
        created_at: now(),
      });
    },
    findLot: lots.findById,
    listLots: (productId) => lots.listBy('product_id', productId, 'expiry_date', 'id'),
    setLotRecalled: (id, recalled) =>
      lots.updateById(id, { recalled: recalled ? 1 : 0, recalled_at: recalled ? now() : null }),
  };
}
