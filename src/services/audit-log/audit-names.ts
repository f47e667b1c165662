import type { AuditRecord } from '../../core/records/index.js';
import type { Repositories } from '../../storage/repositories/repositories.js';

/** Who the entries name, by id: users and patients of the clinic (names of records since deleted are absent). */
export interface AuditNames {
  users: Map<string, string>;
  patients: Map<string, string>;
}

/** The clinic's users by id (few: read once per page or export). */
export async function clinicUserNames(repos: Repositories, clinicId: string): Promise<Map<string, string>> {
  return new Map((await repos.users.list(clinicId)).map((u) => [u.id, u.displayName]));
}

/** The names of the patients `entries` name. */
export function patientNamesOf(
  repos: Repositories,
  clinicId: string,
  entries: readonly AuditRecord[],
): Promise<Map<string, string>> {
  const ids = entries.flatMap((e) => e.records.flatMap((r) => (r.patientId === null ? [] : [r.patientId])));
  return repos.audit.patientNames(clinicId, ids);
}

/** The names a page of the audit log shows instead of ids. */
export async function auditNames(
  repos: Repositories,
  clinicId: string,
  entries: readonly AuditRecord[],
): Promise<AuditNames> {
  const [users, patients] = await Promise.all([
    clinicUserNames(repos, clinicId),
    patientNamesOf(repos, clinicId, entries),
  ]);
  const named = new Set(entries.flatMap((e) => (e.userId ? [e.userId] : [])));
  return { users: new Map([...users].filter(([id]) => named.has(id))), patients };
}
