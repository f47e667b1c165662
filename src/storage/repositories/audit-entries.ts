import type { NewAuditEntry } from './audit-repository.js';
import type { AuditAction, AuditedRecord } from '../../core/records/index.js';

/** One read or write of one record. `patientId` names whose data it was, when it was a patient's. */
export interface AuditEvent extends AuditedRecord {
  action: AuditAction;
  entity: string;
  /** Why the request was refused, when it was (see AuditRecord). */
  reason?: string;
  clientAddress?: string;
}

/** Who did it, through which route (or command). */
export type AuditActor = Pick<NewAuditEntry, 'clinicId' | 'userId' | 'role' | 'route' | 'via'>;

/**
 * The entries one request (or command step) leaves: one per action and kind of record, naming
 * every record it touched in the order given. A page of 50 patients is one read naming 50 records,
 * not 50 entries: the log says what was shown, and a busy clinic does not write a row per line.
 */
export function auditEntries(events: readonly AuditEvent[], actor: AuditActor): NewAuditEntry[] {
  const entries = new Map<string, NewAuditEntry & { records: AuditedRecord[] }>();
  for (const { action, entity, entityId, patientId, reason, clientAddress } of events) {
    const key = `${action}\u0000${entity}\u0000${reason ?? ''}\u0000${clientAddress ?? ''}`;
    const entry = entries.get(key) ?? {
      ...actor,
      action,
      entity,
      records: [],
      ...(reason === undefined ? {} : { reason }),
      ...(clientAddress === undefined ? {} : { clientAddress }),
    };
    entries.set(key, entry);
    entry.records.push({ entityId, patientId });
  }
  return [...entries.values()];
}
