import type { PatientRecord, UserRecord } from '../../core/records/index.js';
import type { Repositories } from '../../storage/repositories/repositories.js';
import { found } from '../found.js';
import { assertNotMerged } from './merged-patient.js';
import { patientOfRecord, type OtherPatient } from './patient-access.js';

/** Loads one kind of patient record by id, with its patient, if the user may see that patient. */
export type PatientRecordLoader<R> = (
  repos: Repositories,
  user: UserRecord,
  id: string,
) => Promise<{ record: R; patient: PatientRecord }>;

/**
 * The loader for a kind of record that belongs to a patient (a course, a session, a photo...): a
 * missing record is "<entity> not found", and so is a refused one (see patientOfRecord).
 */
export function patientRecordLoader<R extends { id: string; patientId: string }>(
  entity: string,
  find: (repos: Repositories, id: string) => Promise<R | undefined>,
  otherPatient: OtherPatient = 'hidden',
): PatientRecordLoader<R> {
  return async (repos, user, id) => {
    const record = found(await find(repos, id), entity);
    return { record, patient: await patientOfRecord(repos, user, record, entity, otherPatient) };
  };
}

/**
 * The loader for a write to the record: as `load`, and refused with 409 `patient_merged` when the
 * record's patient was merged into another (a row a merge left behind, or one written while it ran).
 */
export function writable<R>(load: PatientRecordLoader<R>): PatientRecordLoader<R> {
  return async (repos, user, id) => {
    const loaded = await load(repos, user, id);
    assertNotMerged(loaded.patient);
    return loaded;
  };
}

/** The record alone, for callers that need not its patient. */
export function recordOnly<R>(
  load: PatientRecordLoader<R>,
): (repos: Repositories, user: UserRecord, id: string) => Promise<R> {
  return async (repos, user, id) => (await load(repos, user, id)).record;
}
