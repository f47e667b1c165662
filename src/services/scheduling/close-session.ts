import type { TreatmentSessionRecord, UserRecord } from '../../core/records/index.js';
import type { Repositories } from '../../storage/repositories/repositories.js';
import { conflict } from '../domain-errors.js';
import { loadSessionForChange } from '../access/session-access.js';
import { syncSlots } from './slot-guard.js';
import { found } from '../found.js';

/**
 * Cancels a planned session, or records that the patient did not come, in the caller's
 * transaction; either way its practitioner and room are free again for others. A no-show can
 * only be recorded once the session has started.
 */
export async function closeSession(
  tx: Repositories,
  input: { user: UserRecord; sessionId: string; status: 'cancelled' | 'no_show'; now: string },
): Promise<TreatmentSessionRecord> {
  const session = await loadSessionForChange(tx, input.user, input.sessionId);
  if (session.status !== 'planned')
    throw conflict('session_closed', `the session is ${session.status} and can no longer change`);
  if (input.status === 'no_show' && Date.parse(session.scheduledAt) > Date.parse(input.now))
    throw conflict('not_started', 'a no-show can be recorded only once the session has started');
  const updated = found(await tx.treatmentSessions.update(session.id, { status: input.status }), 'session');
  await syncSlots(tx, updated);
  return updated;
}
