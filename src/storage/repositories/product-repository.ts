import type { LotRecord, ProductRecord, StockCountRecord } from '../../core/records/index.js';

/** A lot as received. Without a quantity it holds `defaultLotQuantityMl`, as lots from before stock was kept do. */
export interface NewLot {
  productId: string;
  lotNumber: string;
  expiryDate: string;
  quantityMl?: number;
  supplier?: string | null;
  storageNote?: string | null;
}

/** What a lot recorded without a quantity holds: the same as the lots migration 0027 found. */
export const defaultLotQuantityMl = 100;
/** A product's low-stock threshold unless the clinic sets its own (as migration 0027 gave existing products). */
export const defaultLowStockMl = 10;

/**
 * Quantities are stored as whole microlitres, so a millilitre figure is rounded to the nearest
 * microlitre on the way in: 0.1 ml drawn ten times empties 1 ml exactly.
 */
export interface ProductRepository {
  createProduct(input: {
    clinicId: string;
    name: string;
    manufacturer?: string | null;
    ingredients: string[];
    lowStockMl?: number;
  }): Promise<ProductRecord>;
  findProduct(id: string): Promise<ProductRecord | undefined>;
  listProducts(clinicId: string): Promise<ProductRecord[]>;
  setLowStockThreshold(id: string, lowStockMl: number): Promise<ProductRecord | undefined>;
  createLot(input: NewLot): Promise<LotRecord>;
  findLot(id: string): Promise<LotRecord | undefined>;
  /** The lot, held against concurrent changes until the transaction ends (a row lock on PostgreSQL; SQLite runs one writer at a time). */
  lockLot(id: string): Promise<LotRecord | undefined>;
  listLots(productId: string): Promise<LotRecord[]>;
  /** Every lot of the clinic's products, soonest expiry first. */
  listClinicLots(clinicId: string): Promise<LotRecord[]>;
  setLotRecalled(id: string, recalled: boolean): Promise<LotRecord | undefined>;
  /**
   * Takes `ml` from what the lot holds in one conditional UPDATE, only if it holds that much:
   * false (and nothing changed) when it does not. Two transactions drawing the last of a lot
   * cannot both succeed, on either engine.
   */
  drawFromLot(id: string, ml: number): Promise<boolean>;
  /**
   * Records a count of the lot against what it held by the records, and sets what it holds to the
   * count. Call inside a transaction: the lot is locked for the read and the write.
   */
  recordStockCount(input: {
    lotId: string;
    countedMl: number;
    note: string | null;
    countedBy: string;
  }): Promise<{ count: StockCountRecord; lot: LotRecord } | undefined>;
  /** The lot's counts, newest first. */
  listStockCounts(lotId: string): Promise<StockCountRecord[]>;
}
