import type { TreatmentSessionRecord } from '../../core/records/index.js';
import { conflict } from '../domain-errors.js';

/**
 * Refuses a change made from a stale view of the session: `expectedUpdatedAt` is its `updatedAt`
 * as the caller last saw it, and someone else has changed it since (moved, cancelled, re-screened).
 */
export function assertUnchanged(session: TreatmentSessionRecord, expectedUpdatedAt: string | undefined): void {
  if (expectedUpdatedAt === undefined || Date.parse(expectedUpdatedAt) === Date.parse(session.updatedAt)) return;
  throw conflict(
    'session_changed',
    `the session was changed by someone else since it was loaded (at ${session.updatedAt}; it is now ${session.status}, at ${session.scheduledAt}); reload it, check the change and try again`,
    { sessionId: session.id, updatedAt: session.updatedAt, status: session.status, scheduledAt: session.scheduledAt },
  );
}
