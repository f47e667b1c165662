import type { AuditAction, AuditRecord, AuditedRecord } from '../../core/records/index.js';
import type { Page } from './page.js';

/** An entry to append: the records it names, at least one (an entry with none is skipped). */
export interface NewAuditEntry extends Omit<AuditRecord, 'id' | 'at' | 'entityId' | 'patientId' | 'records'> {
  records: readonly AuditedRecord[];
}

export interface AuditQuery extends Page {
  clinicId: string;
  patientId?: string;
  userId?: string;
  entity?: string;
  action?: AuditAction;
  from?: string;
  to?: string;
}

/** Append-only: there is deliberately no update or delete. */
export interface AuditRepository {
  append(entries: readonly NewAuditEntry[]): Promise<void>;
  /**
   * Newest first. With `patientId`: the entries naming that patient, each with only that patient's
   * records (an entry for a page of search results shows the one patient asked about).
   */
  list(query: AuditQuery): Promise<AuditRecord[]>;
}
