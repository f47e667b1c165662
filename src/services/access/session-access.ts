import type { TreatmentSessionRecord, UserRecord } from '../../core/records/index.js';
import type { Repositories } from '../../storage/repositories/repositories.js';
import { patientRecordLoader, recordOnly, writable } from './patient-record-access.js';

/** The session (`record`) and its patient if the user may see them; otherwise "session not found". */
export const loadSessionWithPatient = patientRecordLoader('session', (repos, id) =>
  repos.treatmentSessions.findById(id),
);

/** The session if the user may see its patient; otherwise "session not found". */
export const loadAccessibleSession = recordOnly(loadSessionWithPatient);

/** loadSessionWithPatient for a write to the session: refused (409 `patient_merged`) when its patient was merged. */
export const loadWritableSessionWithPatient = writable(loadSessionWithPatient);

/** loadAccessibleSession for a write to the session: refused (409 `patient_merged`) when its patient was merged. */
export const loadWritableSession = recordOnly(loadWritableSessionWithPatient);

/**
 * loadWritableSession for a change that depends on the session's status: the session is held until
 * the transaction ends, so two changes at once (cancel and move, say) queue instead of both passing.
 */
export async function loadSessionForChange(
  tx: Repositories,
  user: UserRecord,
  sessionId: string,
): Promise<TreatmentSessionRecord> {
  await tx.treatmentSessions.lockForChange(sessionId);
  return loadWritableSession(tx, user, sessionId);
}
