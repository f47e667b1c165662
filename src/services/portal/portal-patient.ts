import type { PatientRecord, UserRecord } from '../../core/records/index.js';
import type { Repositories } from '../../storage/repositories/repositories.js';
import { loadAccessiblePatient } from '../access/patient-access.js';
import { forbidden } from '../domain-errors.js';

/** The patient a portal account belongs to: the portal acts for that patient only, never one named in a request. */
export async function loadPortalPatient(repos: Repositories, user: UserRecord): Promise<PatientRecord> {
  if (user.role !== 'patient' || !user.patientId) throw forbidden('only a patient account has a portal');
  return loadAccessiblePatient(repos, user, user.patientId);
}
