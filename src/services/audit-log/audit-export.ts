import { auditLogCsv } from '../../interop/csv/audit-log-csv.js';
import type { AuditQuery } from '../../storage/repositories/audit-repository.js';
import type { Repositories } from '../../storage/repositories/repositories.js';
import { invalidField } from '../domain-errors.js';
import { clinicUserNames, patientNamesOf } from './audit-names.js';

/** The most entries one export holds: beyond, the admin narrows the period or the filters. */
export const maxExportEntries = 50_000;
/** Entries read per query while streaming. */
const pageSize = 1_000;

export type AuditExportQuery = Omit<AuditQuery, 'limit' | 'offset' | 'before'>;

/**
 * The query with the records merged into its patient resolved, once for the count and every page
 * (see AuditQuery.mergedPatientIds); a query without a patient as it is.
 */
export async function withMergedPatients(repos: Repositories, query: AuditExportQuery): Promise<AuditExportQuery> {
  if (!query.patientId || query.mergedPatientIds) return query;
  return { ...query, mergedPatientIds: await repos.audit.mergedInto(query.clinicId, query.patientId) };
}

/**
 * Checks an export is within `limit` entries, before a byte of it is sent: the answer is a file or a
 * clear 400, never a file cut short.
 */
export async function assertExportable(
  repos: Repositories,
  query: AuditExportQuery,
  limit = maxExportEntries,
): Promise<number> {
  const count = await repos.audit.countUpTo(query, limit);
  if (count > limit)
    throw invalidField(
      'from',
      `more than ${limit} entries match, the most one export holds: choose a shorter period, or filter by user, patient or action`,
    );
  return count;
}

/**
 * The entries `query` matches as CSV lines, newest first, read a page at a time (by position in the
 * log, not by offset, so a page is one index range) with the users' and patients' names.
 */
export async function* auditExportLines(
  repos: Repositories,
  query: AuditExportQuery,
): AsyncGenerator<string, void, undefined> {
  const users = await clinicUserNames(repos, query.clinicId);
  async function* rows() {
    let before: AuditQuery['before'];
    for (;;) {
      const page = await repos.audit.list({ ...query, ...(before ? { before } : {}), limit: pageSize, offset: 0 });
      const patients = await patientNamesOf(repos, query.clinicId, page);
      for (const entry of page)
        yield { entry, userName: (entry.userId && users.get(entry.userId)) ?? null, patientNames: patients };
      const last = page.at(-1);
      if (page.length < pageSize || !last) return;
      before = { at: last.at, id: last.id };
    }
  }
  yield* auditLogCsv(rows());
}
