import { tinyPngDataUrl } from '../../../src/interop/test-support/tiny-png.js';
import type { Role } from '../../../src/storage/database-schema.js';
import { healthyIntake } from '../../../src/test-support/intake-examples.js';
import { daysFromToday } from '../../../src/test-support/relative-dates.js';
import { testKnowledgeBase, testPassword, type TestApp, type TestClient } from '../../../src/test-support/test-app.js';
import {
  seedInteropCatalogue,
  seedInteropPatient,
} from '../../../src/services/documents/test-support/interop-records.js';
import { asBooking, copyCourse, prepareLocation, proposal } from '../../../src/test-support/scheduling-test-setup.js';
import { multipartPayload } from '../../../src/server/uploads/test-support/multipart-payload.js';
import { sampleImages } from '../../../src/server/uploads/test-support/sample-images.js';
import type { ApiRoute, JsonSchema } from './api-routes.js';
import { exampleFromSchema, type ExampleHint } from './example-body.js';
import { createFuzzMoneyRecords } from './fuzz-money-records.js';
import { createFuzzPatientRecords } from './fuzz-patient-records.js';
import { createFuzzPortalRecords } from './fuzz-portal-records.js';
import { createFuzzFrontDeskRecords } from './fuzz-front-desk-records.js';
import { answeredIntake, created, farDay, fhirImportBundle } from './fuzz-record-helpers.js';

/**
 * Real records of the fixture clinic for the fuzzer: path parameters name them, so that a request
 * gets past "not found" into validation, and body fields that must refer to something do too.
 * Everything belongs to the fixture patient, so the patient role may use the same ids.
 */
export interface FuzzRecords {
  /** The id for `param` of `route`; throws for a parameter this file does not know (a new kind of route). */
  pathValue(route: ApiRoute, param: string): string;
  /**
   * A valid body for the route as `role` calls it: made from its schema with hints for the fields a
   * schema cannot fill (ids, dates), or written out where fields depend on each other. Made when the
   * route's turn comes, since the routes before it change records (a newer consent text, say).
   */
  baseBody(route: ApiRoute, role: Role): Promise<unknown>;
}

export async function createFuzzRecords(test: TestApp, admin: TestClient): Promise<FuzzRecords> {
  const { repos, fixture } = test;
  const practitionerId = fixture.users.practitioner.id;
  const { rooms } = await prepareLocation(test);
  const [room, spareRoom] = rooms;
  if (!room || !spareRoom) throw new Error('prepareLocation made fewer than two rooms');
  const catalogue = await seedInteropCatalogue(repos, fixture.clinic.id);
  const records = await seedInteropPatient(repos, testKnowledgeBase(), catalogue, fixture.patient, practitionerId);
  const assessmentId = records.course.assessmentId ?? '';
  const sessionId = records.doneSession.id;

  const sideEffect = await created(admin, 'POST', `/api/sessions/${sessionId}/side-effects`, {
    symptom: 'Redness',
    onset: '2026-11-23T10:00:00Z',
    severity: 'mild',
    ongoing: true,
  });
  const sideEffectPhoto = await created(
    admin,
    'POST',
    `/api/side-effects/${sideEffect.id}/photos`,
    multipartPayload([{ name: 'photo', file: sampleImages.png, contentType: 'image/png' }]),
  );
  const photos = (sideEffectPhoto as { photos?: { id: string }[] }).photos ?? [sideEffectPhoto];
  const patientPhoto = await created(
    admin,
    'POST',
    `/api/patients/${fixture.patient.id}/photos`,
    multipartPayload([
      { name: 'kind', value: 'before' },
      { name: 'photo', file: sampleImages.jpeg },
    ]),
  );
  const exception = await created(admin, 'POST', `/api/locations/${fixture.location.id}/exceptions`, {
    kind: 'days',
    from: farDay(0),
    to: farDay(0),
    reason: 'Holiday',
  });
  // A calendar subscription's secret token (its address is all the caller gets).
  const feedUrl = String((await created(admin, 'POST', '/api/calendar-feed', {})).url);
  const feedToken = /\/api\/calendar-feeds\/([\w-]+)\.ics$/.exec(feedUrl)?.[1];
  if (!feedToken) throw new Error(`no token in the calendar feed address ${feedUrl}`);
  // An invitation to accept (its link's token is all the invitee gets), one to withdraw, and a consent
  // text version nobody signed, to delete.
  const invitationToken = String(
    (
      await created(admin, 'POST', '/api/invitations', {
        email: 'invitee@fuzz.test',
        displayName: 'Ivy',
        role: 'reception',
      })
    ).link,
  )
    .split('/')
    .at(-1);
  if (!invitationToken) throw new Error('no invitation link');
  const withdrawable = (await created(admin, 'POST', '/api/invitations', {
    email: 'withdrawn@fuzz.test',
    displayName: 'Wanda',
    role: 'reception',
  })) as unknown as { invitation: { id: string } };
  const unsignedText = await repos.transaction((tx) =>
    tx.consent.createText({ clinicId: fixture.clinic.id, procedure: 'fuzz_unsigned', text: 'Unsigned', active: true }),
  );
  const spareUser = await repos.users.create({
    clinicId: fixture.clinic.id,
    email: `spare-${fixture.clinic.id}@fuzz.test`,
    displayName: 'Spare User',
    passwordHash: 'not-a-hash',
    role: 'reception',
    patientId: null,
  });

  // Scheduling wants courses without sessions: one booked here (to reschedule), one for the booking route,
  // with the finder's proposal made after the first booking, so that its slots are still free.
  const finder = {
    locationId: fixture.location.id,
    sessions: 4,
    earliestStart: farDay(28),
    horizonDays: 60,
    preferences: { weekdays: [1, 2], timesOfDay: [{ start: '09:00', end: '12:00' }], practitionerId },
  };
  const toReschedule = await copyCourse(test, records.course);
  const booked = (await created(admin, 'POST', `/api/courses/${toReschedule.id}/bookings`, {
    locationId: fixture.location.id,
    sessions: asBooking(await proposal(admin, toReschedule.id, finder)),
  })) as unknown as {
    sessions: { id: string; scheduledAt: string }[];
  };
  const rescheduled = booked.sessions[1];
  if (!rescheduled) throw new Error('the booking made fewer than two sessions');
  const bookable = await copyCourse(test, records.course);
  const proposed = await proposal(admin, bookable.id, finder);

  // A session that took place and is not charted yet, and an assessment of the patient who has no course.
  const chartable = await repos.treatmentSessions.create({
    courseId: records.course.id,
    scheduledAt: new Date(Date.now() - 3 * 3_600_000).toISOString(),
    practitionerId,
    locationId: fixture.location.id,
  });
  // A session that started without the patient: a no-show, with its reason, is recorded on it.
  const missed = await repos.treatmentSessions.create({
    courseId: records.course.id,
    scheduledAt: new Date(Date.now() - 2 * 3_600_000).toISOString(),
    practitionerId,
    locationId: fixture.location.id,
  });
  const otherIntake = await created(
    admin,
    'POST',
    `/api/patients/${fixture.otherPatient.id}/intakes`,
    healthyIntake(fixture.otherPatient.birthDate),
  );
  const otherAssessmentId = (otherIntake as unknown as { assessment: { id: string } }).assessment.id;

  // A safety signal of the clinic, naming the patient and the lot, as detection stores one.
  const lot = catalogue.lots[0];
  const safetySignal = await repos.transaction((tx) =>
    tx.safetySignals.insertNew(fixture.clinic.id, {
      key: 'infection_cluster:lot:fuzz',
      kind: 'infection_cluster',
      unit: { type: 'lot', id: lot.id, label: lot.lotNumber },
      window: { from: '2026-11-02', to: '2026-11-20', week: null },
      exposure: 3,
      observed: 2,
      expected: null,
      pValue: null,
      threshold: null,
      patientIds: [fixture.patient.id],
      lots: [{ lotId: lot.id, lotNumber: lot.lotNumber, productId: catalogue.product.id, productName: 'Fuzz' }],
      reportIds: [],
    }),
  );
  if (!safetySignal) throw new Error('the fuzz safety signal was not stored');
  const money = await createFuzzMoneyRecords(admin, { patientId: fixture.patient.id, courseId: records.course.id });
  const patientRecords = await createFuzzPatientRecords(test);
  const portal = await createFuzzPortalRecords(test);
  const frontDesk = await createFuzzFrontDeskRecords(test, { roomId: room.id });

  const byCollection: Record<string, string> = {
    patients: fixture.patient.id,
    courses: records.course.id,
    sessions: sessionId,
    assessments: assessmentId,
    clinics: fixture.clinic.id,
    locations: fixture.location.id,
    rooms: room.id,
    users: spareUser.id,
    products: catalogue.product.id,
    lots: catalogue.lots[0].id,
    'side-effects': sideEffect.id,
    photos: patientPhoto.id,
    'consent-texts': 'mesotherapy',
    'consent-signatures': records.signature.id,
    reports: 'sessions',
    'availability-exceptions': exception.id,
    practitioners: practitionerId,
    static: 'index.html',
    'calendar-feeds': feedToken,
    invitations: withdrawable.invitation.id,
    invite: invitationToken,
    'consent-text-versions': unsignedText.id,
    'safety-signals': safetySignal.id,
    ...money.byCollection,
    ...portal.byCollection,
    ...frontDesk.byCollection,
  };
  const byParam: Record<string, string> = {
    photoId: photos[0]?.id ?? '',
    practitionerId,
    // A clinic's text of one kind of message in one language.
    kind: 'aftercare',
    language: 'en',
  };
  // Routes that act on a record in a state the default one is not in, or change records others need:
  // a room or location switched off, or a session moved, would turn later routes' valid bodies away.
  const byRoute: Record<string, Record<string, string>> = {
    'PATCH /api/rooms/:id': { id: spareRoom.id },
    'PATCH /api/locations/:id': { id: catalogue.location.id },
    'PATCH /api/sessions/:id': { id: records.unmeasuredSession.id },
    'POST /api/sessions/:id/chart': { id: chartable.id },
    'POST /api/patients/:id/courses': { id: fixture.otherPatient.id },
    'POST /api/courses/:id/bookings': { id: bookable.id },
    'POST /api/courses/:id/course-proposals': { id: bookable.id },
    'POST /api/sessions/:id/reschedule': { id: rescheduled.id },
    'POST /api/sessions/:id/cancel': { id: records.plannedSession.id },
    'POST /api/sessions/:id/no-show': { id: missed.id },
    ...money.byRoute,
    ...patientRecords.byRoute,
    ...portal.byRoute,
    ...frontDesk.byRoute,
  };

  const hints: Record<string, unknown> = {
    locationId: fixture.location.id,
    practitionerId,
    roomId: room.id,
    roomIds: [room.id],
    productId: catalogue.product.id,
    lotId: catalogue.lots[0].id,
    consentTextId: catalogue.consentText.id,
    assessmentId,
    sessionId,
    courseId: records.course.id,
    patientId: fixture.patient.id,
    birthDate: fixture.patient.birthDate,
    expiryDate: daysFromToday(700),
    earliestStart: farDay(28),
    scheduledAt: `${farDay(56)}T09:00:00Z`,
    onset: '2026-11-23T10:00:00Z',
    email: 'fuzz@example.test',
    password: 'long enough password',
    timeZone: 'Europe/Berlin',
    area: 'scalp',
    indication: 'hair_loss',
    typedName: 'Paula Patient',
    signatureImage: tinyPngDataUrl(),
    phone: '+49 30 1234567',
    active: true,
    ingredients: ['zinc'],
    codes: ['redness'],
    symptoms: ['redness'],
    onsetDays: 0,
    ...money.hints,
  };
  // Hints that differ by route: a time not booked by the route before, say.
  const hintsByRoute: Record<string, Record<string, unknown>> = {
    // Another language than the charted patient signed in: their signature stays current.
    'POST /api/consent-texts/:procedure/versions': { language: 'tr' },
    // No override: it only goes with marking the session done.
    'PATCH /api/sessions/:id': {
      scheduledAt: `${farDay(63)}T13:00:00Z`,
      locationId: fixture.location.id,
      roomId: spareRoom.id,
      status: 'planned',
      override: null,
    },
    'PUT /api/clinics/:id/logo': { image: tinyPngDataUrl() },
    ...frontDesk.hintsByRoute,
  };
  const hintFor =
    (values: Readonly<Record<string, unknown>>): ExampleHint =>
    (name: string, schema: JsonSchema) => {
      if (schema.format === 'binary') return sampleImages.jpeg;
      if (schema.pattern?.includes(':[0-5]')) return name === 'end' ? '17:00' : '09:00';
      return values[name];
    };

  // Within the scalp plan's depth (2-3 mm): the treatment gate asks for confirmation of anything else.
  const chartPoint = {
    area: 'scalp',
    x: 0.5,
    y: 0.5,
    productId: catalogue.product.id,
    lotId: catalogue.lots[0].id,
    volumeMl: 0.1,
    depthMm: 2,
    technique: 'manual',
  };
  const bodies: Record<string, unknown> = {
    'POST /api/auth/login': { email: fixture.users.admin.email, password: testPassword },
    // The same password again: the next request's current password is still right.
    'POST /api/auth/password': { currentPassword: testPassword, newPassword: testPassword },
    'POST /api/assessments': healthyIntake(),
    // Every screening question answered: this becomes the patient's latest intake, which the treatment gate reads when the chart route's turn comes.
    'POST /api/patients/:id/intakes': answeredIntake(fixture.patient.birthDate),
    'POST /api/patients/:id/courses': { assessmentId: otherAssessmentId },
    'POST /api/courses/:id/course-proposals': finder,
    'POST /api/scheduling/course-proposals': {
      ...finder,
      plan: {
        sessions: { min: 4, max: 6 },
        intervalDays: { min: 7, max: 14 },
        laterIntervalDays: { min: 14, max: 30 },
        durationMinutes: { min: 20, max: 30 },
        anaesthesia: { creamOffered: true, leadMinutes: { min: 20, max: 30 } },
      },
      switchAfter: 2,
    },
    'POST /api/courses/:id/bookings': {
      locationId: fixture.location.id,
      sessions: asBooking(proposed),
      preferences: { weekdays: [1] },
    },
    'POST /api/sessions/:id/reschedule': {
      start: rescheduled.scheduledAt,
      practitionerId,
      preferences: { timesOfDay: [{ start: '09:00', end: '17:00' }] },
    },
    'POST /api/sessions/:id/cancel': { reason: 'The patient called to cancel' },
    'POST /api/sessions/:id/no-show': { reason: 'The patient did not come' },
    'POST /api/locations/:id/exceptions': {
      kind: 'hours',
      start: `${farDay(1)}T09:00`,
      end: `${farDay(1)}T10:00`,
      practitionerId,
      reason: 'Training',
    },
    'POST /api/sessions/:id/chart': {
      anaesthesiaUsed: true,
      anaesthesiaAgent: 'lidocaine',
      notes: 'Fine',
      points: [chartPoint, chartPoint],
    },
    // Notes are the practitioner's: admin rates.
    'PUT /api/sessions/:id/outcome': { patientRating: 7, practitionerRating: 8 },
    // A rating after the course's session that took place (GAIS has no baseline).
    'POST /api/courses/:id/outcome-measures': { measure: 'gais', rater: 'practitioner', sessionId, value: 2 },
    'POST /api/invitations': { email: 'another-invitee@fuzz.test', displayName: 'Ines', role: 'practitioner' },
    'POST /api/invite/:token/accept': { password: 'violet harbour lantern 42' },
    // Only patient accounts link to a patient: an account for the patient who has none yet.
    'POST /api/users': {
      email: 'fuzz@example.test',
      password: 'long enough password',
      displayName: 'Otto',
      role: 'patient',
      patientId: fixture.otherPatient.id,
    },
    'POST /api/fhir/import': fhirImportBundle,
    ...money.bodies,
    ...patientRecords.bodies,
    ...frontDesk.bodies,
  };
  // What a patient may send differs: their own rating only.
  const patientBodies: Record<string, unknown> = {
    'PUT /api/sessions/:id/outcome': { patientRating: 7 },
    'POST /api/courses/:id/outcome-measures': { measure: 'gais', rater: 'patient', sessionId, value: 2 },
    ...frontDesk.patientBodies,
  };

  return {
    pathValue(route, param) {
      const routeValue = byRoute[route.key]?.[param];
      if (routeValue) return routeValue;
      if (byParam[param]) return byParam[param];
      const segments = route.url.split('/');
      const at = segments.findIndex((s) => s.startsWith(`:${param}`) || (param === '*' && s === '*'));
      const collection = segments[at - 1] ?? '';
      const value = byCollection[collection];
      if (value === undefined)
        throw new Error(
          `${route.key}: no record for :${param} after /${collection}/; add one to test/api/fuzz/fuzz-records.ts`,
        );
      return value;
    },
    async baseBody(route, role) {
      if (!route.body) return undefined;
      const written = (role === 'patient' ? patientBodies[route.key] : undefined) ?? bodies[route.key];
      if (written !== undefined) return written;
      const made = portal.bodyFor(route.key);
      if (made !== undefined) return made;
      // The consent text current now: the route adding versions may have run.
      const consentText = await repos.consent.findActiveText(fixture.clinic.id, 'mesotherapy');
      const values = {
        ...hints,
        ...(consentText ? { consentTextId: consentText.id } : {}),
        ...hintsByRoute[route.key],
      };
      return exampleFromSchema(route.body.schema, hintFor(values));
    },
  };
}
