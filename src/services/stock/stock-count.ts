import type { LotRecord, StockCountRecord, UserRecord } from '../../core/records/index.js';
import type { AuditEvent } from '../../storage/repositories/audit-entries.js';
import type { Repositories } from '../../storage/repositories/repositories.js';
import { loadClinicLot } from '../access/catalogue-access.js';
import { notFound } from '../domain-errors.js';

/**
 * Records a count of a lot of the user's clinic inside the caller's transaction: the difference
 * against what the records expected is kept with who counted and when, and the lot then holds what
 * was counted. Audited as the count and the change to the lot.
 */
export async function countLot(
  tx: Repositories,
  user: UserRecord,
  lotId: string,
  input: { countedMl: number; note?: string | null },
): Promise<{ count: StockCountRecord; lot: LotRecord; audit: AuditEvent[] }> {
  const { lot } = await loadClinicLot(tx, user, lotId);
  const recorded = await tx.products.recordStockCount({
    lotId: lot.id,
    countedMl: input.countedMl,
    note: input.note ?? null,
    countedBy: user.id,
  });
  if (!recorded) throw notFound('lot');
  return {
    ...recorded,
    audit: [
      { action: 'create', entity: 'stock_count', entityId: recorded.count.id, patientId: null },
      { action: 'update', entity: 'lot', entityId: lot.id, patientId: null },
    ],
  };
}
