import type { PatientRecord, UserRecord } from '../../core/records/index.js';
import type { Repositories } from '../../storage/repositories/repositories.js';
import { loadAccessiblePatient, loadWritablePatient } from '../access/patient-access.js';
import { forbidden } from '../domain-errors.js';

/** The patient a portal account belongs to: the portal acts for that patient only, never one named in a request. */
export async function loadPortalPatient(repos: Repositories, user: UserRecord): Promise<PatientRecord> {
  return loadAccessiblePatient(repos, user, portalPatientId(user));
}

/**
 * loadPortalPatient for a write from the portal: an account still pointing at a record merged into
 * another (a merge moves accounts, so only a session from just before it) is refused with 409
 * `patient_merged`, naming the record kept.
 */
export async function loadWritablePortalPatient(repos: Repositories, user: UserRecord): Promise<PatientRecord> {
  return loadWritablePatient(repos, user, portalPatientId(user));
}

function portalPatientId(user: UserRecord): string {
  if (user.role !== 'patient' || !user.patientId) throw forbidden('only a patient account has a portal');
  return user.patientId;
}
