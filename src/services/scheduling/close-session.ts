import type { TreatmentSessionRecord, UserRecord } from '../../core/records/index.js';
import type { Repositories } from '../../storage/repositories/repositories.js';
import { conflict } from '../domain-errors.js';
import { loadSessionForChange } from '../access/session-access.js';
import { assertUnchanged } from './assert-unchanged.js';
import { syncSlots } from './slot-guard.js';
import { found } from '../found.js';

/**
 * Cancels a planned session, or records that the patient did not come, in the caller's
 * transaction; either way its practitioner and room are free again for others. A no-show can
 * only be recorded once the session has started. A reason given is stored with who gave it;
 * `expectedUpdatedAt` refuses the change when the session changed since the caller saw it.
 */
export async function closeSession(
  tx: Repositories,
  input: {
    user: UserRecord;
    sessionId: string;
    status: 'cancelled' | 'no_show';
    now: string;
    reason?: string;
    expectedUpdatedAt?: string;
  },
): Promise<TreatmentSessionRecord> {
  const session = await loadSessionForChange(tx, input.user, input.sessionId);
  assertUnchanged(session, input.expectedUpdatedAt);
  if (session.status !== 'planned')
    throw conflict('session_closed', `the session is ${session.status} and can no longer change`);
  if (input.status === 'no_show' && Date.parse(session.scheduledAt) > Date.parse(input.now))
    throw conflict('not_started', 'a no-show can be recorded only once the session has started');
  const updated = found(await tx.treatmentSessions.update(session.id, { status: input.status }), 'session');
  await syncSlots(tx, updated);
  if (input.reason)
    await tx.sessionClosures.record({
      sessionId: session.id,
      status: input.status,
      reason: input.reason,
      recordedBy: input.user.id,
    });
  return updated;
}
