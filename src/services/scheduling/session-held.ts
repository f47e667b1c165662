import type { TreatmentSessionRecord } from '../../core/records/index.js';
import { conflict } from '../domain-errors.js';

/** Side effects and outcomes follow a session that took place: not a future, cancelled or missed one. */
export function assertSessionHeld(session: TreatmentSessionRecord, now: Date): void {
  if (session.status === 'cancelled' || session.status === 'no_show')
    throw conflict('session_not_held', `the session was ${session.status === 'no_show' ? 'missed' : 'cancelled'}`);
  if (Date.parse(session.scheduledAt) > now.getTime())
    throw conflict('session_not_held', 'the session has not taken place yet');
}
