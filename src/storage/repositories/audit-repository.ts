import type { AuditAction, AuditRecord, Page } from './records.js';

export type NewAuditEntry = Omit<AuditRecord, 'id' | 'at'>;

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
  /** Newest first. */
  list(query: AuditQuery): Promise<AuditRecord[]>;
}
