import type { PatientRecord, UserRecord } from '../../storage/repositories/records.js';
import type { Repositories } from '../../storage/repositories/repositories.js';
import { forbidden, notFound } from '../http-errors.js';

/**
 * Record-level access, on top of the role guard: staff see their own clinic's patients only (others
 * are "not found", so ids from elsewhere are not confirmed), and a patient account sees only its
 * own patient.
 */
export function assertPatientAccess(
  user: UserRecord,
  patient: PatientRecord | undefined,
): asserts patient is PatientRecord {
  if (!patient || patient.clinicId !== user.clinicId) throw notFound('patient');
  if (user.role === 'patient' && user.patientId !== patient.id)
    throw forbidden('patients may see only their own records');
}

export async function loadAccessiblePatient(
  repos: Repositories,
  user: UserRecord,
  patientId: string,
): Promise<PatientRecord> {
  const patient = await repos.patients.findById(patientId);
  assertPatientAccess(user, patient);
  return patient;
}
