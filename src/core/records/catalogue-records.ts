export interface ProductRecord {
  id: string;
  clinicId: string;
  name: string;
  manufacturer: string | null;
  ingredients: string[];
  createdAt: string;
  /** Low on stock at or below this many millilitres in usable lots. */
  lowStockMl: number;
}

export interface LotRecord {
  id: string;
  productId: string;
  lotNumber: string;
  expiryDate: string;
  recalled: boolean;
  recalledAt: string | null;
  createdAt: string;
  receivedMl: number;
  /** What charting has not drawn yet (or the last count found); never below zero. */
  remainingMl: number;
  supplier: string | null;
  storageNote: string | null;
}

/** A stock count of a lot: what was counted, what the records expected, by whom and when. */
export interface StockCountRecord {
  id: string;
  lotId: string;
  countedMl: number;
  expectedMl: number;
  /** Counted minus expected: negative when stock went missing. */
  differenceMl: number;
  note: string | null;
  countedBy: string | null;
  countedAt: string;
}
