import type { Selectable } from 'kysely';
import { engineOf } from '../create-database.js';
import type { LotsTable, ProductsTable, StockCountsTable } from '../database-schema.js';
import { newId } from '../ids.js';
import { fromJsonText, toJsonText } from '../json-text.js';
import { defaultLotQuantityMl, defaultLowStockMl, type ProductRepository } from './product-repository.js';
import type { LotRecord, ProductRecord, StockCountRecord } from '../../core/records/index.js';
import type { RepositoryContext } from './repository-context.js';
import { firstRecord } from './first-record.js';
import { tableRows } from './table-rows.js';
import { isSet, rowMapper } from './row-mapper.js';

/** Millilitres to the whole microlitres stored, and back. */
export const toMicrolitres = (ml: number): number => Math.round(ml * 1000);
const toMillilitres = (ul: number): number => Number(ul) / 1000;

const toProduct = rowMapper<Selectable<ProductsTable>, ProductRecord>()(
  'id, clinic_id, name, manufacturer, ingredients, created_at, low_stock_ul as lowStockMl',
  { ingredients: fromJsonText, lowStockMl: toMillilitres },
);

const toLot = rowMapper<Selectable<LotsTable>, LotRecord>()(
  [
    'id, product_id, lot_number, expiry_date, recalled, recalled_at, created_at',
    'received_ul as receivedMl, remaining_ul as remainingMl, supplier, storage_note',
  ],
  { recalled: isSet, receivedMl: toMillilitres, remainingMl: toMillilitres },
);

const toStockCount = rowMapper<Selectable<StockCountsTable>, StockCountRecord>()(
  'id, lot_id, counted_ul as countedMl, expected_ul as expectedMl, counted_ul as differenceMl, note, counted_by, counted_at',
  {
    countedMl: toMillilitres,
    expectedMl: toMillilitres,
    differenceMl: (counted, row) => toMillilitres(counted - row.expected_ul),
  },
);

export function kyselyProductRepository({ db, now }: RepositoryContext): ProductRepository {
  const postgres = engineOf(db) === 'postgres';
  const products = tableRows(db, 'products', toProduct);
  const lots = tableRows(db, 'lots', toLot);
  const counts = tableRows(db, 'stock_counts', toStockCount);
  const lockLot = (id: string) => {
    const query = db.selectFrom('lots').selectAll().where('id', '=', id);
    return firstRecord(postgres ? query.forUpdate() : query, toLot);
  };
  return {
    async createProduct({ clinicId, name, manufacturer, ingredients, lowStockMl }) {
      return products.insert({
        id: newId(),
        clinic_id: clinicId,
        name,
        manufacturer: manufacturer ?? null,
        ingredients: toJsonText(ingredients),
        created_at: now(),
        low_stock_ul: toMicrolitres(lowStockMl ?? defaultLowStockMl),
      });
    },
    findProduct: products.findById,
    listProducts: (clinicId) => products.listBy('clinic_id', clinicId, 'name', 'id'),
    setLowStockThreshold: (id, lowStockMl) => products.updateById(id, { low_stock_ul: toMicrolitres(lowStockMl) }),
    async createLot({ productId, lotNumber, expiryDate, quantityMl, supplier, storageNote }) {
      const received = toMicrolitres(quantityMl ?? defaultLotQuantityMl);
      return lots.insert({
        id: newId(),
        product_id: productId,
        lot_number: lotNumber,
        expiry_date: expiryDate,
        recalled: 0,
        recalled_at: null,
        created_at: now(),
        received_ul: received,
        remaining_ul: received,
        supplier: supplier ?? null,
        storage_note: storageNote ?? null,
      });
    },
    findLot: lots.findById,
    lockLot,
    listLots: (productId) => lots.listBy('product_id', productId, 'expiry_date', 'id'),
    async listClinicLots(clinicId) {
      const rows = await db
        .selectFrom('lots')
        .innerJoin('products', 'products.id', 'lots.product_id')
        .selectAll('lots')
        .where('products.clinic_id', '=', clinicId)
        .orderBy('lots.expiry_date')
        .orderBy('lots.id')
        .execute();
      return rows.map(toLot);
    },
    setLotRecalled: (id, recalled) =>
      lots.updateById(id, { recalled: recalled ? 1 : 0, recalled_at: recalled ? now() : null }),
    async drawFromLot(id, ml) {
      const amount = toMicrolitres(ml);
      // The condition is the guard: under concurrent draws PostgreSQL re-reads the row once the
      // first transaction commits, and SQLite runs one writer at a time, so the second draw of the
      // last stock finds too little and changes nothing.
      const result = await db
        .updateTable('lots')
        .set((eb) => ({ remaining_ul: eb('remaining_ul', '-', amount) }))
        .where('id', '=', id)
        .where('remaining_ul', '>=', amount)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
    async recordStockCount({ lotId, countedMl, note, countedBy }) {
      const lot = await lockLot(lotId);
      if (!lot) return undefined;
      const counted = toMicrolitres(countedMl);
      const count = await counts.insert({
        id: newId(),
        lot_id: lotId,
        counted_ul: counted,
        expected_ul: toMicrolitres(lot.remainingMl),
        note,
        counted_by: countedBy,
        counted_at: now(),
      });
      const updated = await lots.updateById(lotId, { remaining_ul: counted });
      return updated && { count, lot: updated };
    },
    listStockCounts: (lotId) => counts.listBy('lot_id', lotId, 'counted_at desc', 'id desc'),
  };
}
