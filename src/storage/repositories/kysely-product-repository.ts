import type { Selectable } from 'kysely';
import type { LotsTable, ProductsTable } from '../database-schema.js';
import { newId } from '../ids.js';
import { fromJsonText, toJsonText } from '../json-text.js';
import type { ProductRepository } from './product-repository.js';
import type { LotRecord, ProductRecord } from '../../core/records/index.js';
import type { RepositoryContext } from './repository-context.js';

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
  return {
    async createProduct({ clinicId, name, manufacturer, ingredients }) {
      const row = {
        id: newId(),
        clinic_id: clinicId,
        name,
        manufacturer: manufacturer ?? null,
        ingredients: toJsonText(ingredients),
        created_at: now(),
      };
      await db.insertInto('products').values(row).execute();
      return toProduct(row);
    },
    async findProduct(id) {
      const row = await db.selectFrom('products').selectAll().where('id', '=', id).executeTakeFirst();
      return row && toProduct(row);
    },
    async listProducts(clinicId) {
      return (
        await db
          .selectFrom('products')
          .selectAll()
          .where('clinic_id', '=', clinicId)
          .orderBy('name')
          .orderBy('id')
          .execute()
      ).map(toProduct);
    },
    async createLot({ productId, lotNumber, expiryDate }) {
      const row = {
        id: newId(),
        product_id: productId,
        lot_number: lotNumber,
        expiry_date: expiryDate,
        recalled: 0,
        recalled_at: null,
        created_at: now(),
      };
      await db.insertInto('lots').values(row).execute();
      return toLot(row);
    },
    async findLot(id) {
      const row = await db.selectFrom('lots').selectAll().where('id', '=', id).executeTakeFirst();
      return row && toLot(row);
    },
    async listLots(productId) {
      return (
        await db
          .selectFrom('lots')
          .selectAll()
          .where('product_id', '=', productId)
          .orderBy('expiry_date')
          .orderBy('id')
          .execute()
      ).map(toLot);
    },
    async setLotRecalled(id, recalled) {
      const row = await db
        .updateTable('lots')
        .set({ recalled: recalled ? 1 : 0, recalled_at: recalled ? now() : null })
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirst();
      return row && toLot(row);
    },
  };
}
