import { describe, expect, it } from 'vitest';
import { refusal } from '../../test-support/domain-refusal.js';
import type { PatientRecord, UserRecord } from '../../core/records/index.js';
import type { Repositories } from '../../storage/repositories/repositories.js';
import { loadAccessibleAssessment } from './assessment-access.js';
import { loadAccessibleSignature } from './consent-signature-access.js';
import { loadAccessibleCourse } from './course-access.js';
import { locationOfRecord } from './location-access.js';
import { loadAccessiblePhoto } from './photo-access.js';
import { loadAccessibleReport } from './side-effect-report-access.js';
import { loadAccessibleSession, loadSessionForChange, loadSessionWithPatient } from './session-access.js';

const outage = new Error('the database went away');
const patient = { id: 'p1', clinicId: 'c1' } as PatientRecord;
const ofPatient = { id: 'r1', patientId: 'p1', sessionId: 's1', locationId: 'l1' };
const staff = { id: 'u1', role: 'practitioner', clinicId: 'c1', patientId: null } as UserRecord;

/** Every record found, its patient `patient` (or the database failing when it is the outage). */
function reposWhosePatientIs(found: PatientRecord | Error): Repositories {
  const record = async () => ofPatient;
  return {
    patients: { findById: async () => (found instanceof Error ? Promise.reject(found) : found) },
    courses: { findById: record },
    treatmentSessions: { findById: record, lockForChange: async () => undefined },
    sideEffects: { findReport: record },
    consent: { findSignature: record },
    photos: { findById: record },
    assessments: { findById: record },
    clinics: {
      findLocation: async () =>
        found instanceof Error ? Promise.reject(found) : { id: 'l1', clinicId: found.clinicId },
    },
  } as unknown as Repositories;
}

const loaders = {
  course: (r: Repositories, u: UserRecord) => loadAccessibleCourse(r, u, 'r1'),
  session: (r: Repositories, u: UserRecord) => loadAccessibleSession(r, u, 'r1'),
  'session with patient': (r: Repositories, u: UserRecord) => loadSessionWithPatient(r, u, 'r1'),
  'session for change': (r: Repositories, u: UserRecord) => loadSessionForChange(r, u, 'r1'),
  'side-effect report': (r: Repositories, u: UserRecord) => loadAccessibleReport(r, u, 'r1'),
  'consent signature': (r: Repositories, u: UserRecord) => loadAccessibleSignature(r, u, 'r1'),
  photo: (r: Repositories, u: UserRecord) => loadAccessiblePhoto(r, u, 'r1'),
  assessment: (r: Repositories, u: UserRecord) => loadAccessibleAssessment(r, u, 'r1'),
  room: (r: Repositories, u: UserRecord) => locationOfRecord(r, u, ofPatient, 'room'),
};

describe('record access', () => {
  it.each(Object.entries(loaders))(
    'passes a database failure on as it is (%s), never as "not found"',
    async (_, load) => {
      await expect(load(reposWhosePatientIs(outage), staff)).rejects.toBe(outage);
    },
  );

  it.each(Object.entries(loaders))(
    "answers another clinic's %s as not found, naming the record",
    async (name, load) => {
      const entity = name.startsWith('session') ? 'session' : name;
      expect(await refusal(load(reposWhosePatientIs({ ...patient, clinicId: 'c2' }), staff))).toEqual({
        error: 'not_found',
        message: `${entity} not found`,
      });
    },
  );

  it("hides another patient's records, except photos, which say they are refused", async () => {
    const otherPatient = { ...staff, role: 'patient', patientId: 'p2' } as UserRecord;
    const repos = reposWhosePatientIs(patient);
    expect(await refusal(loadAccessibleCourse(repos, otherPatient, 'r1'))).toMatchObject({
      message: 'course not found',
    });
    expect(await refusal(loadAccessibleReport(repos, otherPatient, 'r1'))).toMatchObject({
      message: 'side-effect report not found',
    });
    expect(await refusal(loadAccessiblePhoto(repos, otherPatient, 'r1'))).toMatchObject({ error: 'forbidden' });
    expect(await loadAccessiblePhoto(repos, { ...otherPatient, patientId: 'p1' }, 'r1')).toBe(ofPatient);
  });
});
