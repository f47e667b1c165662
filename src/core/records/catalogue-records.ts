export interface ProductRecord {
  id: string;
  clinicId: string;
  name: string;
  manufacturer: string | null;
  ingredients: string[];
  createdAt: string;
}

export interface LotRecord {
  id: string;
  productId: string;
  lotNumber: string;
  expiryDate: string;
  recalled: boolean;
  recalledAt: string | null;
  createdAt: string;
}
