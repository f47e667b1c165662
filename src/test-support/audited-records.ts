import type { AuditRecord } from '../core/records/index.js';

/**
 * Audit entries record by record: an entry naming a page of records becomes one item per record,
 * with that record's `entityId` and `patientId`, so tests can ask "was this record's read audited?".
 */
export function auditedRecords(entries: readonly AuditRecord[]): AuditRecord[] {
  return entries.flatMap((entry) => entry.records.map((record) => ({ ...entry, ...record, records: [record] })));
}
