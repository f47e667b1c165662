import type {
  ConsentSignatureRecord,
  TreatmentSessionRecord,
  UserRecord,
} from '../../../storage/repositories/records.js';
import type { Repositories } from '../../../storage/repositories/repositories.js';
import { loadAccessiblePatient } from '../../auth/patient-access.js';
import { notFound } from '../../http-errors.js';

/** Records whose patient the user may not see are "not found", like the patient itself. */
async function ofAccessiblePatient<T extends { patientId: string }>(
  repos: Repositories,
  user: UserRecord,
  record: T | undefined,
  entity: string,
): Promise<T> {
  if (!record) throw notFound(entity);
  await loadAccessiblePatient(repos, user, record.patientId).catch(() => {
    throw notFound(entity);
  });
  return record;
}

export async function loadAccessibleSession(
  repos: Repositories,
  user: UserRecord,
  id: string,
): Promise<TreatmentSessionRecord> {
  return ofAccessiblePatient(repos, user, await repos.treatmentSessions.findById(id), 'session');
}

export async function loadAccessibleSignature(
  repos: Repositories,
  user: UserRecord,
  id: string,
): Promise<ConsentSignatureRecord> {
  return ofAccessiblePatient(repos, user, await repos.consent.findSignature(id), 'consent signature');
}
