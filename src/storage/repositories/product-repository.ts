import type { LotRecord, ProductRecord } from '../../core/records/index.js';

export interface ProductRepository {
  createProduct(input: {
    clinicId: string;
    name: string;
    manufacturer?: string | null;
    ingredients: string[];
  }): Promise<ProductRecord>;
  findProduct(id: string): Promise<ProductRecord | undefined>;
  listProducts(clinicId: string): Promise<ProductRecord[]>;
  createLot(input: { productId: string; lotNumber: string; expiryDate: string }): Promise<LotRecord>;
  findLot(id: string): Promise<LotRecord | undefined>;
  listLots(productId: string): Promise<LotRecord[]>;
  setLotRecalled(id: string, recalled: boolean): Promise<LotRecord | undefined>;
}
