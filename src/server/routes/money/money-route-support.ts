import type { FastifyRequest } from 'fastify';
import type { UserRecord } from '../../../core/records/index.js';
import { loadAccessiblePatient } from '../../../services/access/patient-access.js';
import type { AuditEvent } from '../../../storage/repositories/audit-entries.js';
import type { Repositories } from '../../../storage/repositories/repositories.js';

/**
 * The patient a list of quotes or invoices is narrowed to: the one asked for (if the user may see
 * them), else a patient's own account, else none (the whole clinic).
 */
export async function listedPatientId(
  repos: Repositories,
  user: UserRecord,
  askedId: string | undefined,
): Promise<string | undefined> {
  const asked = askedId ?? (user.role === 'patient' ? (user.patientId ?? '') : undefined);
  return asked === undefined ? undefined : (await loadAccessiblePatient(repos, user, asked)).id;
}

/**
 * Runs a service's write and its audit entries in one transaction, so that nothing is written
 * unaudited, and gives back the record the service names `key`.
 */
export function writeAudited<K extends string, R extends Record<K, unknown> & { audit: readonly AuditEvent[] }>(
  repos: Repositories,
  request: FastifyRequest,
  key: K,
  write: (tx: Repositories) => Promise<R>,
): Promise<R[K]> {
  return repos.transaction(async (tx) => {
    const written = await write(tx);
    await request.audit(written.audit, tx);
    return written[key];
  });
}
