import { randomUUID } from 'node:crypto';
import type { CourseRecord } from '../../../src/core/records/index.js';
import { addDays } from '../../../src/core/dates/iso-date.js';
import { makeIntake } from '../../../src/test-support/intake-builder.js';
import { healthyIntake } from '../../../src/test-support/intake-examples.js';
import type { TestApp, TestClient } from '../../../src/test-support/test-app.js';
import { weekdaysNineToFive } from '../../../src/test-support/scheduling-test-setup.js';
import { multipartPayload, type FormPart } from '../../../src/server/uploads/test-support/multipart-payload.js';
import type { SampleWrite } from './sample-request.js';
import { sampleImages } from '../../../src/server/uploads/test-support/sample-images.js';

export { sampleInjection, type SampleRequest, type SampleWrite } from './sample-request.js';

/** A 1×1 PNG as the signature pad sends it. */
export const signaturePng =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

const hour = 3_600_000;
const hoursAgo = (hours: number) => new Date(Date.now() - hours * hour).toISOString();

/** A healthy intake naming one medication: its name is the intake's free text. */
function intakeWithMedication(birthDate: string) {
  const intake = healthyIntake(birthDate);
  return {
    ...intake,
    patient: { ...intake.patient, medications: [{ name: 'Vitamin D', class: 'other', ongoing: true }] },
  };
}

function expectStatus(response: { statusCode: number; body: string }, status: number, what: string): void {
  if (response.statusCode !== status) throw new Error(`${what}: ${response.statusCode} ${response.body.slice(0, 300)}`);
}

/**
 * A valid request for every signed-in write route, keyed `METHOD /url/:param` as registered. The
 * records each one needs (patients, courses, sessions, lots…) are made as it is built, mostly
 * straight in storage; the security suites send these bodies with a missing or forged CSRF
 * token, with SQL in their text fields, or padded beyond the body limit.
 */
export function sampleWrites(test: TestApp): Record<string, SampleWrite> {
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
      payload: { locationId: place.locationId, earliestStart: '2030-01-07' },
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
    'POST /api/auth/logout': { role: 'admin', stores: true, make: async () => ({ url: '/api/auth/logout' }) },
    'POST /api/calendar-feed': {
      role: 'practitioner',
      stores: true,
      make: async () => ({ url: '/api/calendar-feed' }),
    },
    'DELETE /api/calendar-feed': {
      role: 'practitioner',
      stores: true,
      make: async () => {
        await repos.calendarFeeds.replace(fixture.users.practitioner.id, `sample-${unique()}`);
        return { url: '/api/calendar-feed' };
      },
    },
    'POST /api/assessments': {
      role: 'practitioner',
      stores: false,
      make: async () => ({ url: '/api/assessments', payload: intakeWithMedication('1991-03-15') }),
    },
    'PATCH /api/clinics/:id': {
      role: 'admin',
      stores: true,
      make: async () => ({ url: `/api/clinics/${clinicId}`, payload: { name: `Clinic ${unique()}` } }),
    },
    'POST /api/clinics/:id/locations': {
      role: 'admin',
      stores: true,
      make: async () => ({
        url: `/api/clinics/${clinicId}/locations`,
        payload: { name: 'Annex', address: '2 Side Street', timeZone: 'Europe/Berlin' },
      }),
    },
    'PATCH /api/locations/:id': {
      role: 'admin',
      stores: true,
      make: async () => {
        const location = await repos.clinics.createLocation({ clinicId, name: 'Old name', address: null });
        return {
          url: `/api/locations/${location.id}`,
          payload: { name: 'New name', address: '3 Main Street', timeZone: 'Europe/Istanbul' },
        };
      },
    },
    'POST /api/locations/:id/rooms': {
      role: 'admin',
      stores: true,
      make: async () => ({ url: `/api/locations/${fixture.location.id}/rooms`, payload: { name: 'Treatment room' } }),
    },
    'PATCH /api/rooms/:id': {
      role: 'admin',
      stores: true,
      make: async () => {
        const room = await repos.availability.createRoom({ locationId: fixture.location.id, name: 'Old room' });
        return { url: `/api/rooms/${room.id}`, payload: { name: 'Renamed room', active: true } };
      },
    },
    'POST /api/users': {
      role: 'admin',
      stores: true,
      make: async () => ({
        url: '/api/users',
        payload: {
          email: `user-${unique()}@security.test`,
          password: 'long enough password',
          displayName: 'New User',
          role: 'reception',
        },
      }),
    },
    'PATCH /api/users/:id': {
      role: 'admin',
      stores: true,
      make: async () => ({
        url: `/api/users/${(await newPractitioner()).id}`,
        payload: { displayName: 'Renamed User', password: 'another long password' },
      }),
    },
    'POST /api/patients': {
      role: 'reception',
      stores: true,
      make: async () => ({
        url: '/api/patients',
        payload: {
          firstName: 'Nina',
          lastName: 'New',
          birthDate: '1988-02-03',
          sex: 'female',
          phone: '+49 30 999',
          email: `nina-${unique()}@security.test`,
        },
      }),
    },
    'PATCH /api/patients/:id': {
      role: 'reception',
      stores: true,
      make: async () => ({
        url: `/api/patients/${(await newPatient()).id}`,
        payload: { firstName: 'Changed', lastName: 'Name', phone: '+49 30 111', email: 'changed@security.test' },
      }),
    },
    'DELETE /api/patients/:id': {
      role: 'admin',
      stores: true,
      make: async () => ({ url: `/api/patients/${(await newPatient()).id}` }),
    },
    'POST /api/patients/:id/intakes': {
      role: 'practitioner',
      stores: true,
      make: async () => {
        const patient = await newPatient();
        return { url: `/api/patients/${patient.id}/intakes`, payload: intakeWithMedication(patient.birthDate) };
      },
    },
    'POST /api/patients/:id/courses': {
      role: 'practitioner',
      stores: true,
      make: async () => {
        const patient = await newPatient();
        const intake = await (
          await adminClient()
        ).inject({
          method: 'POST',
          url: `/api/patients/${patient.id}/intakes`,
          payload: healthyIntake(patient.birthDate),
        });
        expectStatus(intake, 201, 'intake for a course');
        return { url: `/api/patients/${patient.id}/courses`, payload: { assessmentId: intake.json().assessment.id } };
      },
    },
    'PATCH /api/courses/:id': {
      role: 'practitioner',
      stores: true,
      make: async () => ({ url: `/api/courses/${(await newCourse()).id}`, payload: { status: 'completed' } }),
    },
    'POST /api/courses/:id/sessions': {
      role: 'reception',
      stores: true,
      make: async () => ({
        url: `/api/courses/${(await newCourse()).id}/sessions`,
        payload: { scheduledAt: future(), durationMinutes: 30, locationId: fixture.location.id },
      }),
    },
    // Moved to when it took place and marked done despite the deferral: every field, the override's reason too.
    'PATCH /api/sessions/:id': {
      role: 'practitioner',
      stores: true,
      make: async () => {
        const { patientId } = await chartingSetup();
        return {
          url: `/api/sessions/${await newSession(future(), patientId)}`,
          payload: {
            scheduledAt: treatedAt,
            durationMinutes: 45,
            status: 'done',
            override: { reason: 'Prescriber agreed.' },
          },
        };
      },
    },
    'POST /api/flags/rescreen': {
      role: 'admin',
      stores: true,
      make: async () => {
        // Written straight to storage, so not yet screened: the re-screening has something to record.
        await newSession(future());
        return { url: '/api/flags/rescreen' };
      },
    },
    'POST /api/consent-texts/:procedure/versions': {
      role: 'admin',
      // Not mesotherapy: a new version of that would make the charted patient's signature outdated.
      stores: true,
      make: async () => ({
        url: '/api/consent-texts/security_published/versions',
        payload: { text: 'I agree to the procedure.' },
      }),
    },
    'POST /api/patients/:id/consents': {
      role: 'practitioner',
      stores: true,
      make: async () => ({
        url: `/api/patients/${fixture.patient.id}/consents`,
        payload: { consentTextId: await signingTextId(), typedName: 'Paula Patient', signatureImage: signaturePng },
      }),
    },
    'POST /api/products': {
      role: 'practitioner',
      stores: true,
      make: async () => ({
        url: '/api/products',
        payload: { name: 'Hair mix', manufacturer: 'Lab', ingredients: ['zinc'] },
      }),
    },
    'POST /api/products/:id/lots': {
      role: 'practitioner',
      stores: true,
      make: async () => {
        const product = await repos.products.createProduct({
          clinicId,
          name: 'Lot product',
          manufacturer: null,
          ingredients: ['zinc'],
        });
        return { url: `/api/products/${product.id}/lots`, payload: { lotNumber: 'LOT-1', expiryDate: '2099-01-31' } };
      },
    },
    'POST /api/lots/:id/recall': {
      role: 'admin',
      stores: true,
      make: async () => {
        const { productId } = await chartingSetup();
        return {
          url: `/api/lots/${(await repos.products.createLot({ productId, lotNumber: `R-${unique()}`, expiryDate: '2099-12-31' })).id}/recall`,
        };
      },
    },
    'POST /api/sessions/:id/chart': {
      role: 'practitioner',
      stores: true,
      make: async () => {
        const { patientId, productId, lotId } = await chartingSetup();
        const point = {
          area: 'scalp',
          x: 0.5,
          y: 0.4,
          productId,
          lotId,
          volumeMl: 0.1,
          depthMm: 2,
          technique: 'manual',
        };
        return {
          url: `/api/sessions/${await newSession(treatedAt, patientId)}/chart`,
          payload: {
            anaesthesiaUsed: true,
            anaesthesiaAgent: 'Lidocaine cream',
            notes: 'Went well.',
            points: [point],
            override: { reason: 'Prescriber agreed.' },
          },
        };
      },
    },
    'POST /api/sessions/:id/chart/addenda': {
      role: 'practitioner',
      stores: true,
      make: async () => {
        const { patientId } = await chartingSetup();
        const sessionId = await newSession(treatedAt, patientId);
        await repos.transaction((tx) =>
          tx.charts.create({ sessionId, anaesthesiaUsed: false, createdBy: null, points: [] }),
        );
        return { url: `/api/sessions/${sessionId}/chart/addenda`, payload: { text: 'Slight bruising the next day.' } };
      },
    },
    'POST /api/side-effects/:id/photos': {
      role: 'practitioner',
      stores: true,
      make: async () => {
        const report = await (
          await adminClient()
        ).inject({
          method: 'POST',
          url: `/api/sessions/${await newSession(hoursAgo(48))}/side-effects`,
          payload: sideEffectBody,
        });
        expectStatus(report, 201, 'side-effect report');
        return {
          url: `/api/side-effects/${report.json().id}/photos`,
          form: [{ name: 'photo', file: sampleImages.png, filename: 'redness.png' }],
        };
      },
    },
    'POST /api/sessions/:id/side-effects': {
      role: 'practitioner',
      stores: true,
      make: async () => ({
        url: `/api/sessions/${await newSession(hoursAgo(48))}/side-effects`,
        payload: { ...sideEffectBody, onset: hoursAgo(1) },
      }),
    },
    'PUT /api/sessions/:id/outcome': {
      // Notes are the practitioner's alone.
      role: 'practitioner',
      stores: true,
      make: async () => ({
        url: `/api/sessions/${await newSession(hoursAgo(24))}/outcome`,
        payload: { patientRating: 7, practitionerRating: 8, notes: 'Denser at the crown.' },
      }),
    },
    'POST /api/patients/:id/photos': {
      role: 'practitioner',
      stores: true,
      make: async () => ({
        url: `/api/patients/${fixture.patient.id}/photos`,
        form: [
          { name: 'kind', value: 'before' },
          { name: 'photo', file: sampleImages.jpeg },
        ],
      }),
    },
    'DELETE /api/photos/:id': {
      role: 'practitioner',
      stores: true,
      make: async () => {
        const form: FormPart[] = [
          { name: 'kind', value: 'after' },
          { name: 'photo', file: sampleImages.webp },
        ];
        const photo = await (
          await adminClient()
        ).inject({ method: 'POST', url: `/api/patients/${fixture.patient.id}/photos`, ...multipartPayload(form) });
        expectStatus(photo, 201, 'photo to delete');
        return { url: `/api/photos/${photo.json().id}` };
      },
    },
    'POST /api/fhir/import': {
      role: 'practitioner',
      stores: false,
      make: async () => ({
        url: '/api/fhir/import',
        payload: {
          resourceType: 'Bundle',
          entry: [{ fullUrl: 'urn:uuid:p1', resource: { resourceType: 'Patient', id: 'p1', birthDate: '1990-01-01' } }],
        },
      }),
    },
    'PUT /api/locations/:id/practitioners/:practitionerId/hours': {
      role: 'admin',
      stores: true,
      make: async () => ({
        url: `/api/locations/${fixture.location.id}/practitioners/${(await newPractitioner()).id}/hours`,
        payload: { weeklyHours: { 1: [{ start: '09:00', end: '13:00' }] } },
      }),
    },
    'DELETE /api/locations/:id/practitioners/:practitionerId/hours': {
      role: 'admin',
      stores: true,
      make: async () => {
        const practitioner = await newPractitioner();
        await repos.availability.setPractitionerHours({
          practitionerId: practitioner.id,
          locationId: fixture.location.id,
          weeklyHours: weekdaysNineToFive,
        });
        return { url: `/api/locations/${fixture.location.id}/practitioners/${practitioner.id}/hours` };
      },
    },
    'POST /api/locations/:id/exceptions': {
      role: 'admin',
      stores: true,
      make: async () => ({
        url: `/api/locations/${fixture.location.id}/exceptions`,
        payload: {
          kind: 'days',
          from: '2032-03-01',
          to: '2032-03-02',
          practitionerId: (await newPractitioner()).id,
          reason: 'Conference',
        },
      }),
    },
    'DELETE /api/availability-exceptions/:id': {
      role: 'admin',
      stores: true,
      make: async () => {
        const exception = await repos.availability.addException({
          locationId: fixture.location.id,
          practitionerId: (await newPractitioner()).id,
          kind: 'days',
          from: '2032-04-01',
          to: '2032-04-01',
        });
        return { url: `/api/availability-exceptions/${exception.id}` };
      },
    },
    'POST /api/courses/:id/course-proposals': {
      role: 'reception',
      stores: false,
      make: async () => {
        const place = await newSchedulingPlace();
        return {
          url: `/api/courses/${(await newCourse()).id}/course-proposals`,
          payload: { locationId: place.locationId, earliestStart: '2030-01-07' },
        };
      },
    },
    'POST /api/scheduling/course-proposals': {
      role: 'reception',
      stores: false,
      make: async () => {
        const place = await newSchedulingPlace();
        const { plan } = await plannedCourse();
        return {
          url: '/api/scheduling/course-proposals',
          payload: { locationId: place.locationId, earliestStart: '2030-01-07', plan },
        };
      },
    },
    'POST /api/courses/:id/bookings': {
      role: 'reception',
      stores: true,
      make: async () => {
        const { course, place, sessions } = await bookedCourse();
        return { url: `/api/courses/${course.id}/bookings`, payload: { locationId: place.locationId, sessions } };
      },
    },
    'POST /api/sessions/:id/reschedule': {
      role: 'reception',
      stores: true,
      make: async () => {
        const { course, place, sessions } = await bookedCourse();
        const booked = await (
          await adminClient()
        ).inject({
          method: 'POST',
          url: `/api/courses/${course.id}/bookings`,
          payload: { locationId: place.locationId, sessions },
        });
        expectStatus(booked, 201, 'booking to reschedule');
        const first = (booked.json().sessions as { id: string; scheduledAt: string }[])[0];
        if (!first) throw new Error('the booking has no sessions');
        // An hour later on the same day: the place is this course's alone, so the slot is free.
        return {
          url: `/api/sessions/${first.id}/reschedule`,
          payload: { start: new Date(Date.parse(first.scheduledAt) + hour).toISOString() },
        };
      },
    },
    'POST /api/sessions/:id/cancel': {
      role: 'reception',
      stores: true,
      make: async () => ({ url: `/api/sessions/${await newSession(future())}/cancel` }),
    },
    'POST /api/sessions/:id/no-show': {
      role: 'reception',
      stores: true,
      make: async () => ({ url: `/api/sessions/${await newSession(hoursAgo(3))}/no-show` }),
    },
    'POST /api/courses/:id/maintenance-recall': {
      role: 'practitioner',
      stores: true,
      make: async () => {
        const course = await newCourse();
        const session = await repos.treatmentSessions.create({ courseId: course.id, scheduledAt: hoursAgo(24) });
        await repos.treatmentSessions.update(session.id, { status: 'done' });
        return { url: `/api/courses/${course.id}/maintenance-recall` };
      },
    },
  };
}
