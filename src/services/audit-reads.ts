import type { AuditEvent } from '../storage/repositories/audit-entries.js';

/** A record as the audit log names it: its id and, when it is a patient's, whose. */
interface ReadRecord {
  id: string;
  patientId: string | null;
}

function read(entity: string, record: { id: string; patientId?: string | null }, patientId?: string): AuditEvent {
  return { action: 'read', entity, entityId: record.id, patientId: patientId ?? record.patientId ?? null };
}

/**
 * The read of one record, for the audit log: `readOf('assessment', assessment)`. `patientId` names
 * whose record it is where the record does not say so itself (a recall, a patient).
 */
export function readOf(entity: string, record: ReadRecord): AuditEvent;
export function readOf(entity: string, record: { id: string }, patientId: string): AuditEvent;
export function readOf(entity: string, record: { id: string; patientId?: string | null }, patientId?: string) {
  return read(entity, record, patientId);
}

/** The reads of the records one answer shows, in their order (see `readOf`). */
export function readsOf(entity: string, records: readonly ReadRecord[]): AuditEvent[];
export function readsOf(entity: string, records: readonly { id: string }[], patientId: string): AuditEvent[];
export function readsOf(
  entity: string,
  records: readonly { id: string; patientId?: string | null }[],
  patientId?: string,
): AuditEvent[] {
  return records.map((record) => read(entity, record, patientId));
}
