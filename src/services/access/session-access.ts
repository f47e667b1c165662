import type { PatientRecord, TreatmentSessionRecord, UserRecord } from '../../core/records/index.js';
import type { Repositories } from '../../storage/repositories/repositories.js';
import { notFound } from '../domain-errors.js';
import { patientOfRecord } from './patient-access.js';

/** The session and its patient if the user may see them; otherwise "session not found". */
export async function loadSessionWithPatient(
  repos: Repositories,
  user: UserRecord,
  sessionId: string,
): Promise<{ session: TreatmentSessionRecord; patient: PatientRecord }> {
  const session = await repos.treatmentSessions.findById(sessionId);
  if (!session) throw notFound('session');
  const patient = await patientOfRecord(repos, user, session, 'session');
  return { session, patient };
}

/** The session if the user may see its patient; otherwise "session not found". */
export async function loadAccessibleSession(
  repos: Repositories,
  user: UserRecord,
  sessionId: string,
): Promise<TreatmentSessionRecord> {
  return (await loadSessionWithPatient(repos, user, sessionId)).session;
}

/**
 * loadAccessibleSession for a change that depends on the session's status: the session is held until
 * the transaction ends, so two changes at once (cancel and move, say) queue instead of both passing.
 */
export async function loadSessionForChange(
  tx: Repositories,
  user: UserRecord,
  sessionId: string,
): Promise<TreatmentSessionRecord> {
  await tx.treatmentSessions.lockForChange(sessionId);
  return loadAccessibleSession(tx, user, sessionId);
}
