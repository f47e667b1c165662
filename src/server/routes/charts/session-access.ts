import type { PatientRecord, TreatmentSessionRecord, UserRecord } from '../../../storage/repositories/records.js';
import type { Repositories } from '../../../storage/repositories/repositories.js';
import { loadAccessiblePatient } from '../../auth/patient-access.js';
import { notFound } from '../../http-errors.js';

/** The session and its patient if the user may see them; otherwise "not found", as for sessions. */
export async function loadSessionWithPatient(
  repos: Repositories,
  user: UserRecord,
  sessionId: string,
): Promise<{ session: TreatmentSessionRecord; patient: PatientRecord }> {
  const session = await repos.treatmentSessions.findById(sessionId);
  if (!session) throw notFound('session');
  const patient = await loadAccessiblePatient(repos, user, session.patientId).catch(() => {
    throw notFound('session');
  });
  return { session, patient };
}
