import type { FastifyRequest } from 'fastify';
import type { AuditEvent } from '../../../storage/repositories/audit-entries.js';
import type { Repositories } from '../../../storage/repositories/repositories.js';
import {
  afterSessionsChanged,
  type SessionFollowUp,
  type SessionsChange,
} from '../../../services/scheduling/after-sessions-changed.js';

/**
 * Every handler that books, moves or closes sessions ends the same way, in its transaction: audit
 * what it wrote, then bring the sessions' messages in line (and re-screen) and audit that too.
 */
export async function recordSessionsChange(
  request: FastifyRequest,
  tx: Repositories,
  followUp: SessionFollowUp,
  written: AuditEvent | readonly AuditEvent[],
  change: SessionsChange,
): Promise<void> {
  await request.audit(written, tx);
  await request.audit(await afterSessionsChanged(tx, followUp, change), tx);
}
