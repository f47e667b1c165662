import type { FastifyRequest } from 'fastify';
import type { UserRecord } from '../../core/records/index.js';
import type { AuditEvent } from '../../storage/repositories/audit-entries.js';
import type { Repositories } from '../../storage/repositories/repositories.js';
import { requireAuth } from '../plugins/authentication.js';

/**
 * Runs a service's write, as `request`'s user, and its audit entries in one transaction, so that
 * nothing is written unaudited, and gives back the record the service names `key`.
 */
export function writeAudited<K extends string, R extends Record<K, unknown> & { audit: readonly AuditEvent[] }>(
  repos: Repositories,
  request: FastifyRequest,
  key: K,
  write: (tx: Repositories, user: UserRecord) => Promise<R>,
): Promise<R[K]> {
  const { user } = requireAuth(request);
  return repos.transaction(async (tx) => {
    const written = await write(tx, user);
    await request.audit(written.audit, tx);
    return written[key];
  });
}
