import { randomUUID } from 'node:crypto';
import type { CourseRecord } from '../../../src/core/records/index.js';
import { addDays } from '../../../src/core/dates/iso-date.js';
import { makeIntake } from '../../../src/test-support/intake-builder.js';
import { healthyIntake } from '../../../src/test-support/intake-examples.js';
import { argon2idHasher } from '../../../src/services/accounts/password-hasher.js';
import {
  testPassword,
  testPasswordHashing,
  type TestApp,
  type TestClient,
} from '../../../src/test-support/test-app.js';
import { weekdaysNineToFive } from '../../../src/test-support/scheduling-test-setup.js';
import { januaryMonday } from '../../../src/test-support/relative-dates.js';

/** A 1×1 PNG as the signature pad sends it. */
export const signaturePng =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

export const hour = 3_600_000;
export const hoursAgo = (hours: number) => new Date(Date.now() - hours * hour).toISOString();

/** A healthy intake naming one medication: its name is the intake's free text. */
export function intakeWithMedication(birthDate: string) {
  const intake = healthyIntake(birthDate);
  return {
    ...intake,
    patient: { ...intake.patient, medications: [{ name: 'Vitamin D', class: 'other', ongoing: true }] },
  };
}

let testPasswordHash: Promise<string> | undefined;

/**
 * Gives the fixture patient the test password again (a sample may have set another, SQL say) and
 * forgets failed sign-ins, so that a sample may sign the patient in.
 */
export async function restorePatientPassword(repos: TestApp['repos'], fixture: TestApp['fixture']): Promise<void> {
  const { patient } = fixture.users;
  testPasswordHash ??= argon2idHasher(testPasswordHashing).hash(testPassword);
  await repos.users.update(patient.id, { passwordHash: await testPasswordHash });
  await repos.loginThrottles.clear({ scope: 'account', key: patient.email });
}

export function expectStatus(response: { statusCode: number; body: string }, status: number, what: string): void {
  if (response.statusCode !== status) throw new Error(`${what}: ${response.statusCode} ${response.body.slice(0, 300)}`);
}

/**
 * The records the sample writes need (patients, courses, sessions, lots…), made as each sample is
 * built, mostly straight in storage; what several samples share (a planned course, the charted
 * patient with a product and a lot, a consent text to sign) is made once.
 */
export function sampleRecords(test: TestApp) {
  const { repos, fixture } = test;
  const clinicId = fixture.clinic.id;
  let counter = 0;
  const unique = () => `${++counter}-${randomUUID().slice(0, 8)}`;

  let admin: TestClient | undefined;
  const adminClient = async () => (admin ??= await test.signIn('admin'));

  const newPatient = () =>
    repos.patients.create({
      clinicId,
      firstName: 'Sam',
      lastName: `Sample ${unique()}`,
      birthDate: '1990-04-12',
      sex: 'female',
      phone: '+49 30 555',
      email: null,
    });

  const newPractitioner = () =>
    repos.users.create({
      clinicId,
      email: `practitioner-${unique()}@security.test`,
      displayName: 'Dr Sample',
      passwordHash: 'x',
      role: 'practitioner',
    });

  /** A course from a real assessment (through the API), made once; others copy its plan. */
  let planned: Promise<CourseRecord> | undefined;
  const plannedCourse = () =>
    (planned ??= (async () => {
      const client = await adminClient();
      const url = `/api/patients/${fixture.patient.id}`;
      const intake = await client.inject({
        method: 'POST',
        url: `${url}/intakes`,
        payload: healthyIntake(fixture.patient.birthDate),
      });
      expectStatus(intake, 201, 'sample intake');
      const course = await client.inject({
        method: 'POST',
        url: `${url}/courses`,
        payload: { assessmentId: intake.json().assessment.id },
      });
      expectStatus(course, 201, 'sample course');
      return course.json() as CourseRecord;
    })());

  const newCourse = async (patientId = fixture.patient.id) => {
    const { assessmentId, indication, area, plan } = await plannedCourse();
    return repos.courses.create({ patientId, assessmentId, indication, area, plan, createdBy: null });
  };

  const newSession = async (scheduledAt: string, patientId?: string) =>
    (await repos.treatmentSessions.create({ courseId: (await newCourse(patientId)).id, scheduledAt })).id;
  let futureSlot = 0;
  /** A different hour far ahead each time, so that no two sample sessions meet. */
  const future = () => new Date(Date.UTC(2031, 0, 6, 9) + ++futureSlot * hour).toISOString();

  /** A location of its own, in Berlin, with one room and one practitioner working weekdays: nothing else books there. */
  const newSchedulingPlace = async () => {
    const location = await repos.clinics.createLocation({
      clinicId,
      name: `Site ${unique()}`,
      address: null,
      timeZone: 'Europe/Berlin',
    });
    const room = await repos.availability.createRoom({ locationId: location.id, name: 'Room' });
    const practitioner = await newPractitioner();
    await repos.availability.setPractitionerHours({
      practitionerId: practitioner.id,
      locationId: location.id,
      weeklyHours: weekdaysNineToFive,
    });
    return { locationId: location.id, roomId: room.id, practitionerId: practitioner.id };
  };

  /** A course booked at a place of its own, through the finder and the booking route. */
  const bookedCourse = async () => {
    const client = await adminClient();
    const place = await newSchedulingPlace();
    const course = await newCourse();
    const found = await client.inject({
      method: 'POST',
      url: `/api/courses/${course.id}/course-proposals`,
      payload: { locationId: place.locationId, earliestStart: januaryMonday(3) },
    });
    if (found.statusCode !== 200 || found.json().status !== 'found')
      throw new Error(`sample proposal: ${found.statusCode} ${found.body.slice(0, 300)}`);
    const sessions = (found.json().course.sessions as { start: string; practitionerId: string; roomId: string }[]).map(
      ({ start, practitionerId, roomId }) => ({ start, practitionerId, roomId }),
    );
    return { course, place, sessions };
  };

  /** Three hours ago: a session that took place (today, or late yesterday in UTC). */
  const treatedAt = hoursAgo(3);
  /**
   * The mesotherapy consent published and signed by the charted patient, once. The patient took an
   * NSAID two days before the sessions: each is deferred, so that the treatment gate takes the
   * clinician's override (whose reason is a text field of its own) rather than nothing.
   */
  let charting: Promise<{ patientId: string; productId: string; lotId: string }> | undefined;
  const chartingSetup = () =>
    (charting ??= (async () => {
      const patient = await newPatient();
      const nsaid = { name: 'ibuprofen', class: 'nsaid', lastDose: addDays(treatedAt.slice(0, 10), -2) };
      await repos.intakes.create({
        patientId: patient.id,
        data: makeIntake({ patient: { medications: [nsaid] }, request: { indication: 'hair_loss', area: 'scalp' } }),
        createdBy: null,
      });
      const text = await repos.consent.createText({
        clinicId,
        procedure: 'mesotherapy',
        text: 'Mesotherapy consent.',
        active: true,
      });
      await repos.consent.sign({
        patientId: patient.id,
        consentTextId: text.id,
        typedName: 'Sam Sample',
        signatureImage: signaturePng,
        userAgent: null,
        userId: null,
      });
      const product = await repos.products.createProduct({
        clinicId,
        name: 'Sample mix',
        manufacturer: null,
        ingredients: ['zinc'],
      });
      const lot = await repos.products.createLot({
        productId: product.id,
        lotNumber: `L-${unique()}`,
        expiryDate: '2099-12-31',
      });
      return { patientId: patient.id, productId: product.id, lotId: lot.id };
    })());

  let signing: Promise<string> | undefined;
  const signingTextId = () =>
    (signing ??= repos.consent
      .createText({ clinicId, procedure: 'security_signing', text: 'Consent to be signed.', active: true })
      .then((t) => t.id));

  const sideEffectBody = { symptom: 'Some redness', onset: hoursAgo(1), severity: 'mild', ongoing: true };

  return {
    repos,
    fixture,
    clinicId,
    unique,
    adminClient,
    newPatient,
    newPractitioner,
    plannedCourse,
    newCourse,
    newSession,
    future,
    newSchedulingPlace,
    bookedCourse,
    treatedAt,
    chartingSetup,
    signingTextId,
    sideEffectBody,
  };
}

export type SampleRecords = ReturnType<typeof sampleRecords>;
