import type { AuditAction, AuditRecord, AuditedRecord } from '../../core/records/index.js';
import type { Page } from './page.js';

/** An entry to append: the records it names, at least one (an entry with none is skipped). */
export interface NewAuditEntry extends Omit<AuditRecord, 'id' | 'at' | 'entityId' | 'patientId' | 'records'> {
  records: readonly AuditedRecord[];
}

export interface AuditQuery extends Page {
  clinicId: string;
  /** The patient's entries, and those of every record merged into theirs while the merge is in force. */
  patientId?: string;
  /**
   * The records merged into `patientId` (`mergedInto` of it), when the caller resolved them already:
   * an export pages through the log with one list. Left out, `list` and `countUpTo` resolve them.
   */
  mergedPatientIds?: readonly string[];
  userId?: string;
  entity?: string;
  action?: AuditAction;
  from?: string;
  to?: string;
  /** Only entries of refused requests (those with a reason): denied access, failed sign-ins. */
  refused?: boolean;
  /** Only entries refused for one of these reasons. */
  reasons?: readonly string[];
  /** Only entries older than this one (newest-first order): the next page of an export without an offset. */
  before?: { at: string; id: string };
}

/** One user's refused requests in a clinic, for the admin view of denied attempts. */
export interface RefusalsOfUser {
  userId: string;
  /** The role the user had at their latest refusal. */
  role: string | null;
  count: number;
  lastAt: string;
  /** How many were refused for each reason. */
  reasons: Record<string, number>;
}

/** Append-only: there is deliberately no update or delete. */
export interface AuditRepository {
  append(entries: readonly NewAuditEntry[]): Promise<void>;
  /**
   * Newest first. With `patientId`: the entries naming that patient or a record merged into theirs,
   * each with only those records (an entry for a page of search results shows the one patient asked
   * about). An entry written about a merged record keeps its patient id and says so in `mergedFrom`.
   */
  list(query: AuditQuery): Promise<AuditRecord[]>;
  /** How many entries `list` would give without a page, counting no further than `atMost + 1`. */
  countUpTo(query: Omit<AuditQuery, 'limit' | 'offset' | 'before'>, atMost: number): Promise<number>;
  /**
   * The clinic's records merged into the patient, directly or through a record merged into one of
   * them, while each merge is in force (a reversed merge leaves its record standing on its own).
   */
  mergedInto(clinicId: string, patientId: string): Promise<string[]>;
  /** The names of the clinic's patients among `patientIds` ("First Last"); ids of no such patient are left out. */
  patientNames(clinicId: string, patientIds: readonly string[]): Promise<Map<string, string>>;
  /** One user's entries of the last `withinMs` (by the repository's clock), newest first. */
  recent(query: {
    clinicId: string;
    userId: string;
    withinMs: number;
    entity?: string;
    reasons?: readonly string[];
    limit: number;
  }): Promise<AuditRecord[]>;
  /** The clinic's refused requests, per user (signed-in users only), latest first. */
  refusalsByUser(query: { clinicId: string; from?: string; to?: string; limit: number }): Promise<RefusalsOfUser[]>;
}
