import type { AuditRecord } from '../core/records/index.js';
import type { AuditQuery } from '../storage/repositories/audit-repository.js';
import type { TestApp } from './test-app.js';

/**
 * Audit entries record by record: an entry naming a page of records becomes one item per record,
 * with that record's `entityId` and `patientId`, so tests can ask "was this record's read audited?".
 */
export function auditedRecords(entries: readonly AuditRecord[]): AuditRecord[] {
  return entries.flatMap((entry) => entry.records.map((record) => ({ ...entry, ...record, records: [record] })));
}

/** The fixture clinic's audit entries that match `query`, from the first. */
export function clinicAudit(
  testApp: Pick<TestApp, 'repos' | 'fixture'>,
  query: Omit<AuditQuery, 'clinicId' | 'offset'>,
): Promise<AuditRecord[]> {
  return testApp.repos.audit.list({ clinicId: testApp.fixture.clinic.id, offset: 0, ...query });
}
