import { describe, expect, it } from 'vitest';
import { refusal } from '../../test-support/domain-refusal.js';
import type { PatientRecord, UserRecord } from '../../core/records/index.js';
import type { Repositories } from '../../storage/repositories/repositories.js';
import { loadAccessibleAssessment } from './assessment-access.js';
import { loadAccessibleSignature } from './consent-signature-access.js';
import { loadAccessibleCourse, loadCourseWithPatient, loadWritableCourse } from './course-access.js';
import { locationOfRecord } from './location-access.js';
import { loadAccessiblePatient, loadWritablePatient } from './patient-access.js';
import { loadAccessiblePhoto, loadWritablePhoto } from './photo-access.js';
import { loadAccessibleReport, loadWritableReport } from './side-effect-report-access.js';
import {
  loadAccessibleSession,
  loadSessionForChange,
  loadSessionWithPatient,
  loadWritableSession,
  loadWritableSessionWithPatient,
} from './session-access.js';
import {
  loadAccessibleInvoice,
  loadAccessibleQuote,
  loadWritableInvoice,
  loadWritableQuote,
} from '../money/money-access.js';
import { loadPortalPatient, loadWritablePortalPatient } from '../portal/portal-patient.js';

const outage = new Error('the database went away');
const patient = { id: 'p1', clinicId: 'c1', mergedIntoId: null } as PatientRecord;
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
    invoices: { findInvoice: record },
    money: { findQuote: record },
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
  'session to write': (r: Repositories, u: UserRecord) => loadWritableSession(r, u, 'r1'),
  'course to write': (r: Repositories, u: UserRecord) => loadWritableCourse(r, u, 'r1'),
  'side-effect report to write': (r: Repositories, u: UserRecord) => loadWritableReport(r, u, 'r1'),
  'photo to write': (r: Repositories, u: UserRecord) => loadWritablePhoto(r, u, 'r1'),
  'invoice to write': (r: Repositories, u: UserRecord) => loadWritableInvoice(r, u, 'r1'),
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
      const entity = name.startsWith('session') ? 'session' : name.replace(/ to write$/, '');
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

  it('refuses every write to a merged patient, or to a record of theirs, with 409 naming the record kept; reads go on', async () => {
    const merged = { ...patient, mergedIntoId: 'p9' };
    const repos = reposWhosePatientIs(merged);
    const portalUser = { ...staff, role: 'patient', patientId: 'p1' } as UserRecord;
    const writes: (() => Promise<unknown>)[] = [
      () => loadWritablePatient(repos, staff, 'p1'),
      () => loadWritablePortalPatient(repos, portalUser),
      () => loadWritableCourse(repos, staff, 'r1'),
      () => loadWritableSession(repos, staff, 'r1'),
      () => loadWritableSessionWithPatient(repos, staff, 'r1'),
      () => loadSessionForChange(repos, staff, 'r1'),
      () => loadWritableReport(repos, staff, 'r1'),
      () => loadWritablePhoto(repos, staff, 'r1'),
      () => loadWritableInvoice(repos, staff, 'r1'),
      () => loadWritableQuote(repos, staff, 'r1'),
    ];
    for (const write of writes)
      expect(await refusal(write())).toEqual({
        error: 'patient_merged',
        message: 'patient p1 was merged into patient p9: make the change there instead',
        patientId: 'p1',
        mergedIntoId: 'p9',
      });
    const reads = await Promise.all([
      loadAccessiblePatient(repos, staff, 'p1'),
      loadPortalPatient(repos, portalUser),
      loadCourseWithPatient(repos, staff, 'r1').then((r) => r.patient),
      loadSessionWithPatient(repos, staff, 'r1').then((r) => r.patient),
      loadAccessibleInvoice(repos, staff, 'r1').then((r) => r.patient),
      loadAccessibleQuote(repos, staff, 'r1').then((r) => r.patient),
    ]);
    expect(reads).toEqual(reads.map(() => merged));
    expect(await loadAccessibleReport(repos, staff, 'r1')).toMatchObject({ session: ofPatient });
    // Standing on its own (never merged, or the merge reversed), the same record is written to.
    expect(await loadWritableSession(reposWhosePatientIs(patient), staff, 'r1')).toBe(ofPatient);
  });
});
