import type { TreatmentSessionRecord, UserRecord } from '../../../storage/repositories/records.js';
import type { Repositories } from '../../../storage/repositories/repositories.js';
import { loadAccessiblePatient } from '../../auth/patient-access.js';
import { conflict, DomainError, notFound } from '../../http-errors.js';

/** The session if the user may see its patient; otherwise "not found", as the session routes answer. */
export async function loadAccessibleSession(
  repos: Repositories,
  user: UserRecord,
  sessionId: string,
): Promise<TreatmentSessionRecord> {
  const session = await repos.treatmentSessions.findById(sessionId);
  if (!session) throw notFound('session');
  await loadAccessiblePatient(repos, user, session.patientId).catch((error: unknown) => {
    throw error instanceof DomainError ? notFound('session') : error;
  });
  return session;
}

/** Side effects and outcomes follow a session that took place: not a future, cancelled or missed one. */
export function assertSessionHeld(session: TreatmentSessionRecord, now: Date): void {
  if (session.status === 'cancelled' || session.status === 'no_show')
    throw conflict('session_not_held', `the session was ${session.status === 'no_show' ? 'missed' : 'cancelled'}`);
  if (Date.parse(session.scheduledAt) > now.getTime())
    throw conflict('session_not_held', 'the session has not taken place yet');
}
