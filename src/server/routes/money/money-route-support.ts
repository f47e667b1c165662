import type { FastifyRequest } from 'fastify';
import type { UserRecord } from '../../../core/records/index.js';
import { loadAccessiblePatient } from '../../../services/access/patient-access.js';
import { readsOf } from '../../../services/audit-reads.js';
import { requireAuth } from '../../plugins/authentication.js';
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
 * A list of quotes or invoices as `request`'s user may read it, narrowed as `listedPatientId` says,
 * each one read audited.
 */
export async function listedItems<
  Q extends { patientId?: string | undefined },
  T extends { id: string; patientId: string },
>(
  repos: Repositories,
  request: FastifyRequest,
  entity: 'quote' | 'invoice',
  query: Q,
  list: (filter: Q & { patientId: string | undefined; clinicId: string }) => Promise<T[]>,
): Promise<{ items: T[] }> {
  const { user } = requireAuth(request);
  const patientId = await listedPatientId(repos, user, query.patientId);
  const items = await list({ ...query, patientId, clinicId: user.clinicId });
  await request.audit(readsOf(entity, items));
  return { items };
}
