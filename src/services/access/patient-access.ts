import type { PatientRecord, UserRecord } from '../../core/records/index.js';
import type { Repositories } from '../../storage/repositories/repositories.js';
import { DomainError, forbidden, isNotFound, notFound } from '../domain-errors.js';
import { denialOf, denied } from './access-denied.js';
import { assertNotMerged } from './merged-patient.js';

/**
 * Record-level access, on top of the role guard: staff see their own clinic's patients only (others
 * are "not found", so ids from elsewhere are not confirmed), and a patient account sees only its
 * own patient.
 */
export function assertPatientAccess(
  user: UserRecord,
  patient: PatientRecord | undefined,
): asserts patient is PatientRecord {
  if (!patient) throw notFound('patient');
  // Both refusals are audited (plugins/audit-denials.ts): the answer hides what the log keeps.
  if (patient.clinicId !== user.clinicId)
    throw denied(notFound('patient'), {
      reason: 'other_clinic',
      entity: 'patient',
      entityId: patient.id,
      recordClinicId: patient.clinicId,
      recordPatientId: patient.id,
    });
  if (user.role === 'patient' && user.patientId !== patient.id)
    throw denied(forbidden('patients may see only their own records'), {
      reason: 'not_their_record',
      entity: 'patient',
      entityId: patient.id,
      patientId: patient.id,
    });
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

/**
 * The patient for a write that names them (a new intake, course, invoice...): loadAccessiblePatient,
 * and a record merged into another is refused with 409 `patient_merged` (merged-patient.ts).
 */
export async function loadWritablePatient(
  repos: Repositories,
  user: UserRecord,
  patientId: string,
): Promise<PatientRecord> {
  const patient = await loadAccessiblePatient(repos, user, patientId);
  assertNotMerged(patient);
  return patient;
}

/**
 * How a refusal to see a record's patient is answered: `hidden` makes another patient's record
 * "not found" like another clinic's (most records); `refused` keeps the patient's 403 (photos).
 */
export type OtherPatient = 'hidden' | 'refused';

/**
 * The patient a record belongs to, if the user may see it. A refusal names the record ("session not
 * found"), never the patient; anything else, a database error say, is passed on as it is.
 */
export async function patientOfRecord(
  repos: Repositories,
  user: UserRecord,
  record: { id: string; patientId: string },
  entity: string,
  otherPatient: OtherPatient = 'hidden',
): Promise<PatientRecord> {
  try {
    return await loadAccessiblePatient(repos, user, record.patientId);
  } catch (error) {
    throw refusalOfRecord(error, entity, record.id, otherPatient);
  }
}

/** Audit entities by the words refusals use ("session not found" is about a `treatment_session`). */
const auditEntities: Readonly<Record<string, string>> = { session: 'treatment_session' };

/**
 * What to throw when `error` refused access to a record's patient: "<entity> not found" (or the
 * patient's 403 where `refused`), still telling the audit log why and naming the record asked for.
 */
export function refusalOfRecord(
  error: unknown,
  entity: string,
  entityId: string,
  otherPatient: OtherPatient = 'hidden',
): unknown {
  const answer = isRefusal(error, otherPatient) ? notFound(entity) : error;
  const denial = denialOf(error);
  if (!denial || !(answer instanceof DomainError)) return answer;
  return denied(answer, {
    ...denial,
    entity: auditEntities[entity] ?? entity.replace(/[\s-]+/g, '_'),
    entityId,
  });
}

/** Whether the error is an access refusal to answer as "not found": never a database error. */
export function isRefusal(error: unknown, otherPatient: OtherPatient = 'hidden'): error is DomainError {
  return isNotFound(error) || (otherPatient === 'hidden' && error instanceof DomainError && error.kind === 'forbidden');
}
