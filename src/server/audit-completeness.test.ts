import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { AuditAction, AuditRecord, Role } from '../storage/repositories/records.js';
import { healthyIntake } from '../test-support/intake-examples.js';
import { forEachApp, type TestApp, type TestClient } from '../test-support/test-app.js';
import { docsPrefix } from './plugins/openapi.js';
import { multipartPayload, type FormPart } from './uploads/multipart-payload.js';
import { sampleImages } from './uploads/sample-images.js';

/**
 * Every successful request that reads or writes patient data leaves audit entries naming the user,
 * the action, the entity and the patient. Driven through a realistic flow (register, intake, course,
 * booking, re-screening, ...); a last check fails when a patient-data route has no step here.
 */

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
/** A JSON response body, read loosely as in the route tests (`response.json()`). */
type Body = any;

interface Expected {
  action: AuditAction;
  entity: string;
  /** Left out when the id is not known to the client (e.g. a row the route created on the side). */
  entityId?: string;
  patientId: string;
}

interface Step {
  /** The route as registered, e.g. `GET /api/patients/:id`. */
  route: `${Method} /api/${string}`;
  as: Role;
  url: () => string;
  /** A JSON body. */
  payload?: () => unknown;
  /** A multipart/form-data body (uploads). */
  form?: () => FormPart[];
  status: number;
  /** The entries the request must have added, given its response body. */
  expected: (body: Body) => Expected[];
  /** Keeps ids for later steps (and may prepare the next one). */
  keep?: (body: Body) => unknown;
}

/** Routes that hold patient data, by path. Clinic set-up (consent texts, products, rooms, users) is not. */
const patientDataPath = /^\/api\/(patients|courses|sessions|flags|side-effects|photos|outcomes|consents|consent-signatures|charts)(\/|$)|^\/api\/assessments\/:id$/;
/** Patient data under other paths: a lot's recall list names its patients; exports and reports cover them all. */
const otherPatientDataRoutes = ['GET /api/lots/:id/recall', 'GET /api/fhir/export', 'GET /api/reports/:table.csv', 'GET /api/maintenance-recalls', 'GET /api/practitioners/:id/calendar.ics', 'GET /api/calendar-feeds/:token.ics'];

const day = 86_400_000;
const inDays = (days: number) => new Date(Date.now() + days * day).toISOString();
/** The first Monday at least `days` from now, as a date: the course finder then starts a working week. */
const mondayAfter = (days: number) => {
  const at = new Date(Date.now() + days * day);
  at.setUTCDate(at.getUTCDate() + ((8 - at.getUTCDay()) % 7));
  return at.toISOString().slice(0, 10);
};
/** Uploaded photos go to a data folder of this test's own. */
const dataDir = mkdtempSync(join(tmpdir(), 'mesodesk-audit-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

forEachApp('audit completeness', (get) => {
  const clients = new Map<Role, TestClient>();
  const ids: Record<string, string> = {};
  const exercised = new Set<string>();
  const id = (name: string) => {
    const value = ids[name];
    if (!value) throw new Error(`no ${name} kept by an earlier step`);
    return value;
  };

  beforeAll(async () => {
    for (const role of ['admin', 'practitioner', 'reception', 'patient'] as const) clients.set(role, await get().signIn(role));
    // Clinic set-up (not patient data): the consent text to sign, and a product lot to chart.
    const admin = clients.get('admin');
    const text = await admin?.inject({ method: 'POST', url: '/api/consent-texts/mesotherapy/versions', payload: { text: 'I consent to mesotherapy of the scalp.' } });
    const product = await admin?.inject({ method: 'POST', url: '/api/products', payload: { name: 'Hair cocktail', ingredients: ['hyaluronic_acid'] } });
    const lot = await admin?.inject({ method: 'POST', url: `/api/products/${product?.json().id}/lots`, payload: { lotNumber: 'A-1', expiryDate: '2099-12-31' } });
    for (const response of [text, product, lot]) expect(response?.statusCode, response?.body).toBe(201);
    ids.consentText = text?.json().id;
    ids.product = product?.json().id;
    ids.lot = lot?.json().id;
    // The course finder needs working hours and a room at the location.
    const { repos, fixture } = get();
    await repos.clinics.updateLocation(fixture.location.id, { timeZone: 'Europe/Berlin' });
    ids.room = (await repos.availability.createRoom({ locationId: fixture.location.id, name: 'Room 1' })).id;
    const weekdays = Object.fromEntries([1, 2, 3, 4, 5].map((d) => [d, [{ start: '08:00', end: '18:00' }]]));
    await repos.availability.setPractitionerHours({ practitionerId: fixture.users.practitioner.id, locationId: fixture.location.id, weeklyHours: weekdays });
  });

  const steps = (t: TestApp): Step[] => {
    const paula = t.fixture.patient.id;
    const location = t.fixture.location.id;
    const intake = (patient: Record<string, unknown> = {}) => {
      const body = healthyIntake('1990-04-12');
      return { ...body, patient: { ...body.patient, ...patient } };
    };
    const intakeWrites = (body: Body, patientId: string): Expected[] => [
      { action: 'create', entity: 'intake', entityId: body.intake.id, patientId },
      { action: 'create', entity: 'assessment', entityId: body.assessment.id, patientId },
    ];
    const sessionReads = (sessions: { id: string }[], patientId: string): Expected[] =>
      sessions.map((s) => ({ action: 'read', entity: 'treatment_session', entityId: s.id, patientId }));

    return [
      // Registration and the record.
      {
        route: 'POST /api/patients', as: 'reception', url: () => '/api/patients', status: 201,
        payload: () => ({ firstName: 'Clara', lastName: 'Audit', birthDate: '1988-02-03', sex: 'female', phone: '+49 30 555', email: null }),
        expected: (b) => [{ action: 'create', entity: 'patient', entityId: b.id, patientId: b.id }],
        keep: (b) => (ids.clara = b.id),
      },
      {
        route: 'GET /api/patients', as: 'reception', url: () => '/api/patients?name=Clara%20Audit', status: 200,
        expected: (b) => b.patients.map((p: { id: string }) => ({ action: 'read', entity: 'patient', entityId: p.id, patientId: p.id })),
      },
      {
        route: 'PATCH /api/patients/:id', as: 'reception', url: () => `/api/patients/${id('clara')}`, status: 200, payload: () => ({ phone: '+49 30 556' }),
        expected: () => [{ action: 'update', entity: 'patient', entityId: id('clara'), patientId: id('clara') }],
      },
      {
        route: 'GET /api/patients/:id', as: 'patient', url: () => `/api/patients/${paula}`, status: 200,
        expected: () => [{ action: 'read', entity: 'patient', entityId: paula, patientId: paula }],
      },
      {
        route: 'DELETE /api/patients/:id', as: 'admin', url: () => `/api/patients/${id('clara')}`, status: 204,
        expected: () => [{ action: 'delete', entity: 'patient', entityId: id('clara'), patientId: id('clara') }],
      },

      // Intake, assessment, course.
      {
        route: 'POST /api/patients/:id/intakes', as: 'practitioner', url: () => `/api/patients/${paula}/intakes`, status: 201, payload: () => intake(),
        expected: (b) => intakeWrites(b, paula),
        keep: (b) => (ids.assessment = b.assessment.id),
      },
      {
        route: 'GET /api/patients/:id/intakes', as: 'patient', url: () => `/api/patients/${paula}/intakes`, status: 200,
        expected: (b) => b.intakes.flatMap((i: { id: string; assessment: { id: string } | null }) => [
          { action: 'read', entity: 'intake', entityId: i.id, patientId: paula },
          ...(i.assessment ? [{ action: 'read' as const, entity: 'assessment', entityId: i.assessment.id, patientId: paula }] : []),
        ]),
      },
      {
        route: 'GET /api/assessments/:id', as: 'practitioner', url: () => `/api/assessments/${id('assessment')}`, status: 200,
        expected: () => [{ action: 'read', entity: 'assessment', entityId: id('assessment'), patientId: paula }],
      },
      {
        route: 'POST /api/patients/:id/courses', as: 'practitioner', url: () => `/api/patients/${paula}/courses`, status: 201, payload: () => ({ assessmentId: id('assessment') }),
        expected: (b) => [{ action: 'create', entity: 'course', entityId: b.id, patientId: paula }],
        keep: (b) => (ids.course = b.id),
      },
      {
        route: 'GET /api/patients/:id/courses', as: 'patient', url: () => `/api/patients/${paula}/courses`, status: 200,
        expected: (b) => b.courses.map((c: { id: string }) => ({ action: 'read', entity: 'course', entityId: c.id, patientId: paula })),
      },
      {
        route: 'GET /api/courses/:id', as: 'practitioner', url: () => `/api/courses/${id('course')}`, status: 200,
        expected: () => [{ action: 'read', entity: 'course', entityId: id('course'), patientId: paula }],
      },

      // Booking and the schedule.
      {
        route: 'POST /api/courses/:id/sessions', as: 'reception', url: () => `/api/courses/${id('course')}/sessions`, status: 201,
        payload: () => ({ scheduledAt: inDays(-2), locationId: location, practitionerId: t.fixture.users.practitioner.id }),
        expected: (b) => [{ action: 'create', entity: 'treatment_session', entityId: b.id, patientId: paula }],
        keep: (b) => (ids.pastSession = b.id),
      },
      {
        route: 'POST /api/courses/:id/sessions', as: 'practitioner', url: () => `/api/courses/${id('course')}/sessions`, status: 201,
        payload: () => ({ scheduledAt: inDays(10), locationId: location, practitionerId: t.fixture.users.practitioner.id }),
        expected: (b) => [{ action: 'create', entity: 'treatment_session', entityId: b.id, patientId: paula }],
        keep: (b) => (ids.session = b.id),
      },
      {
        route: 'PATCH /api/sessions/:id', as: 'reception', url: () => `/api/sessions/${id('session')}`, status: 200, payload: () => ({ scheduledAt: inDays(11) }),
        expected: () => [{ action: 'update', entity: 'treatment_session', entityId: id('session'), patientId: paula }],
      },
      {
        route: 'GET /api/courses/:id/sessions', as: 'patient', url: () => `/api/courses/${id('course')}/sessions`, status: 200,
        expected: (b) => sessionReads(b.sessions, paula),
      },
      {
        route: 'GET /api/patients/:id/sessions', as: 'reception', url: () => `/api/patients/${paula}/sessions`, status: 200,
        expected: (b) => sessionReads(b.sessions, paula),
      },
      {
        route: 'GET /api/sessions', as: 'reception', url: () => `/api/sessions?practitionerId=${t.fixture.users.practitioner.id}`, status: 200,
        expected: (b) => b.entries.map((e: { session: { id: string }; patient: { id: string } }) => ({ action: 'read', entity: 'treatment_session', entityId: e.session.id, patientId: e.patient.id })),
      },
      {
        route: 'GET /api/sessions/:id', as: 'patient', url: () => `/api/sessions/${id('session')}`, status: 200,
        expected: () => [{ action: 'read', entity: 'treatment_session', entityId: id('session'), patientId: paula }],
      },

      // Re-screening: a new intake flags the upcoming session; the flag list is a read of it.
      {
        route: 'POST /api/patients/:id/intakes', as: 'practitioner', url: () => `/api/patients/${paula}/intakes`, status: 201, payload: () => intake({ pregnant: true }),
        expected: (b) => [...intakeWrites(b, paula), { action: 'update', entity: 'treatment_session', entityId: id('session'), patientId: paula }],
      },
      {
        route: 'GET /api/flags', as: 'practitioner', url: () => '/api/flags', status: 200,
        expected: (b) => {
          expect(b.flags.map((f: { session: { id: string } }) => f.session.id)).toEqual([id('session')]);
          return [{ action: 'read', entity: 'treatment_session', entityId: id('session'), patientId: paula }];
        },
      },
      {
        route: 'POST /api/courses/:id/sessions', as: 'reception', url: () => `/api/courses/${id('course')}/sessions`, status: 201,
        payload: () => ({ scheduledAt: inDays(25), locationId: location }),
        // Booked while the intake says pregnant: screened and flagged at once.
        expected: (b) => [
          { action: 'create', entity: 'treatment_session', entityId: b.id, patientId: paula },
          { action: 'update', entity: 'treatment_session', entityId: b.id, patientId: paula },
        ],
        keep: async (b) => {
          ids.unscreened = b.id;
          // As if last screened (and cleared) under an older knowledge base: the next run must flag it.
          await t.repos.screening.recordScreening(b.id, { knowledgeBaseVersion: '0.9.0+older', flag: null });
        },
      },
      {
        route: 'POST /api/flags/rescreen', as: 'admin', url: () => '/api/flags/rescreen', status: 200,
        expected: () => [{ action: 'update', entity: 'treatment_session', entityId: id('unscreened'), patientId: paula }],
      },
      {
        route: 'POST /api/patients/:id/intakes', as: 'practitioner', url: () => `/api/patients/${paula}/intakes`, status: 201, payload: () => intake(),
        expected: (b) => [
          ...intakeWrites(b, paula),
          { action: 'update', entity: 'treatment_session', entityId: id('session'), patientId: paula },
          { action: 'update', entity: 'treatment_session', entityId: id('unscreened'), patientId: paula },
        ],
        keep: (b) => (ids.assessment = b.assessment.id),
      },

      // Consent, then charting the session that took place.
      {
        route: 'POST /api/patients/:id/consents', as: 'patient', url: () => `/api/patients/${paula}/consents`, status: 201,
        payload: () => ({ consentTextId: id('consentText'), typedName: 'Paula Patient', signatureImage: `data:image/png;base64,${sampleImages.png.toString('base64')}` }),
        expected: (b) => [{ action: 'create', entity: 'consent_signature', entityId: b.id, patientId: paula }],
        keep: (b) => (ids.signature = b.id),
      },
      {
        route: 'GET /api/consent-signatures/:id/consent.pdf', as: 'patient', url: () => `/api/consent-signatures/${id('signature')}/consent.pdf`, status: 200,
        expected: () => [{ action: 'read', entity: 'consent_form', entityId: id('signature'), patientId: paula }],
      },
      {
        route: 'GET /api/patients/:id/consents', as: 'practitioner', url: () => `/api/patients/${paula}/consents`, status: 200,
        expected: (b) => b.signatures.map((c: { id: string }) => ({ action: 'read', entity: 'consent_signature', entityId: c.id, patientId: paula })),
      },
      {
        route: 'POST /api/sessions/:id/chart', as: 'practitioner', url: () => `/api/sessions/${id('pastSession')}/chart`, status: 201,
        payload: () => ({
          anaesthesiaUsed: false,
          notes: 'Tolerated well',
          points: [{ area: 'scalp', x: 0.4, y: 0.3, productId: id('product'), lotId: id('lot'), volumeMl: 0.2, depthMm: 1.5, technique: 'manual' }],
        }),
        expected: (b) => [
          { action: 'create', entity: 'chart_entry', entityId: b.chart.id, patientId: paula },
          { action: 'update', entity: 'treatment_session', entityId: id('pastSession'), patientId: paula },
        ],
      },
      {
        route: 'GET /api/sessions/:id/chart', as: 'patient', url: () => `/api/sessions/${id('pastSession')}/chart`, status: 200,
        expected: (b) => [{ action: 'read', entity: 'chart_entry', entityId: b.id, patientId: paula }],
      },
      {
        route: 'GET /api/sessions/:id/aftercare.pdf', as: 'reception', url: () => `/api/sessions/${id('pastSession')}/aftercare.pdf`, status: 200,
        expected: () => [{ action: 'read', entity: 'aftercare_sheet', entityId: id('pastSession'), patientId: paula }],
      },
      {
        route: 'GET /api/sessions/:id/messages', as: 'reception', url: () => `/api/sessions/${id('session')}/messages`, status: 200,
        expected: (b) => b.messages.map((m: { id: string }) => ({ action: 'read', entity: 'outbox_message', entityId: m.id, patientId: paula })),
      },
      {
        route: 'GET /api/lots/:id/recall', as: 'reception', url: () => `/api/lots/${id('lot')}/recall`, status: 200,
        expected: () => [
          { action: 'read', entity: 'patient', entityId: paula, patientId: paula },
          { action: 'read', entity: 'treatment_session', entityId: id('pastSession'), patientId: paula },
        ],
      },

      // How it went: outcomes and side effects of the charted session.
      {
        route: 'PUT /api/sessions/:id/outcome', as: 'patient', url: () => `/api/sessions/${id('pastSession')}/outcome`, status: 200, payload: () => ({ patientRating: 8 }),
        expected: (b) => [{ action: 'create', entity: 'outcome', entityId: b.id, patientId: paula }],
      },
      {
        route: 'PUT /api/sessions/:id/outcome', as: 'practitioner', url: () => `/api/sessions/${id('pastSession')}/outcome`, status: 200,
        payload: () => ({ practitionerRating: 7, notes: 'Less shedding' }),
        expected: (b) => [{ action: 'update', entity: 'outcome', entityId: b.id, patientId: paula }],
      },
      {
        route: 'GET /api/sessions/:id/outcome', as: 'practitioner', url: () => `/api/sessions/${id('pastSession')}/outcome`, status: 200,
        expected: (b) => [{ action: 'read', entity: 'outcome', entityId: b.id, patientId: paula }],
      },
      {
        route: 'GET /api/patients/:id/outcomes', as: 'patient', url: () => `/api/patients/${paula}/outcomes`, status: 200,
        expected: (b) => b.outcomes.map((o: { id: string }) => ({ action: 'read', entity: 'outcome', entityId: o.id, patientId: paula })),
      },
      {
        route: 'POST /api/sessions/:id/side-effects', as: 'patient', url: () => `/api/sessions/${id('pastSession')}/side-effects`, status: 201,
        payload: () => ({ symptom: 'There is pus and I have a fever', onset: inDays(-1), severity: 'moderate', ongoing: true }),
        expected: (b) => [{ action: 'create', entity: 'side_effect_report', entityId: b.id, patientId: paula }],
        keep: (b) => (ids.report = b.id),
      },
      {
        route: 'POST /api/side-effects/:id/photos', as: 'patient', url: () => `/api/side-effects/${id('report')}/photos`, status: 201,
        form: () => [{ name: 'photo', file: sampleImages.png, filename: 'redness.png', contentType: 'image/png' }],
        expected: (b) => b.photos.map((p: { id: string }) => ({ action: 'create', entity: 'side_effect_photo', entityId: p.id, patientId: paula })),
        keep: (b) => (ids.reportPhoto = b.photos[0].id),
      },
      {
        route: 'GET /api/sessions/:id/side-effects', as: 'practitioner', url: () => `/api/sessions/${id('pastSession')}/side-effects`, status: 200,
        expected: () => [
          { action: 'read', entity: 'side_effect_report', entityId: id('report'), patientId: paula },
          { action: 'read', entity: 'side_effect_photo', entityId: id('reportPhoto'), patientId: paula },
        ],
      },
      {
        route: 'GET /api/side-effects/:id', as: 'patient', url: () => `/api/side-effects/${id('report')}`, status: 200,
        expected: () => [
          { action: 'read', entity: 'side_effect_report', entityId: id('report'), patientId: paula },
          { action: 'read', entity: 'side_effect_photo', entityId: id('reportPhoto'), patientId: paula },
        ],
      },
      {
        route: 'GET /api/side-effects/:id/photos/:photoId', as: 'practitioner', url: () => `/api/side-effects/${id('report')}/photos/${id('reportPhoto')}`, status: 200,
        expected: () => [{ action: 'read', entity: 'side_effect_photo', entityId: id('reportPhoto'), patientId: paula }],
      },
      {
        route: 'GET /api/side-effects', as: 'practitioner', url: () => '/api/side-effects', status: 200,
        expected: () => [{ action: 'read', entity: 'side_effect_report', entityId: id('report'), patientId: paula }],
      },

      // Before and after photos.
      {
        route: 'POST /api/patients/:id/photos', as: 'practitioner', url: () => `/api/patients/${paula}/photos`, status: 201,
        form: () => [
          { name: 'kind', value: 'before' },
          { name: 'sessionId', value: id('pastSession') },
          { name: 'photo', file: sampleImages.jpeg, filename: 'before.jpg', contentType: 'image/jpeg' },
        ],
        expected: (b) => [{ action: 'create', entity: 'photo', entityId: b.id, patientId: paula }],
        keep: (b) => (ids.photo = b.id),
      },
      {
        route: 'GET /api/patients/:id/photos', as: 'patient', url: () => `/api/patients/${paula}/photos`, status: 200,
        expected: (b) => b.photos.map((p: { id: string }) => ({ action: 'read', entity: 'photo', entityId: p.id, patientId: paula })),
      },
      {
        route: 'GET /api/photos/:id', as: 'patient', url: () => `/api/photos/${id('photo')}`, status: 200,
        expected: () => [{ action: 'read', entity: 'photo', entityId: id('photo'), patientId: paula }],
      },
      {
        route: 'DELETE /api/photos/:id', as: 'practitioner', url: () => `/api/photos/${id('photo')}`, status: 204,
        expected: () => [{ action: 'delete', entity: 'photo', entityId: id('photo'), patientId: paula }],
      },

      // Documents and exports of the record.
      {
        route: 'GET /api/courses/:id/summary.pdf', as: 'patient', url: () => `/api/courses/${id('course')}/summary.pdf`, status: 200,
        expected: () => [{ action: 'read', entity: 'treatment_summary', entityId: id('course'), patientId: paula }],
      },
      {
        route: 'GET /api/patients/:id/fhir', as: 'practitioner', url: () => `/api/patients/${paula}/fhir`, status: 200,
        expected: () => [{ action: 'read', entity: 'fhir_export', entityId: paula, patientId: paula }],
      },
      {
        route: 'GET /api/fhir/export', as: 'admin', url: () => '/api/fhir/export', status: 200,
        expected: () => [{ action: 'read', entity: 'fhir_export', entityId: paula, patientId: paula }],
      },
      {
        route: 'GET /api/reports/:table.csv', as: 'admin', url: () => '/api/reports/sessions.csv', status: 200,
        expected: () => [{ action: 'read', entity: 'clinic_report', entityId: 'sessions', patientId: paula }],
      },

      // Closing the course: a missed session, cancellations, calendars, the maintenance recall.
      {
        route: 'POST /api/courses/:id/sessions', as: 'reception', url: () => `/api/courses/${id('course')}/sessions`, status: 201,
        payload: () => ({ scheduledAt: inDays(-1), locationId: location }),
        expected: (b) => [{ action: 'create', entity: 'treatment_session', entityId: b.id, patientId: paula }],
        keep: (b) => (ids.missed = b.id),
      },
      {
        route: 'POST /api/sessions/:id/no-show', as: 'reception', url: () => `/api/sessions/${id('missed')}/no-show`, status: 200,
        expected: () => [{ action: 'update', entity: 'treatment_session', entityId: id('missed'), patientId: paula }],
      },
      ...['session', 'unscreened'].map(
        (name): Step => ({
          route: 'POST /api/sessions/:id/cancel', as: 'reception', url: () => `/api/sessions/${id(name)}/cancel`, status: 200,
          expected: () => [{ action: 'update', entity: 'treatment_session', entityId: id(name), patientId: paula }],
        }),
      ),
      {
        route: 'GET /api/courses/:id/calendar.ics', as: 'patient', url: () => `/api/courses/${id('course')}/calendar.ics`, status: 200,
        expected: () => [
          { action: 'read', entity: 'course', entityId: id('course'), patientId: paula },
          { action: 'read', entity: 'treatment_session', entityId: id('pastSession'), patientId: paula },
        ],
        // A subscription address for the next step (making one stores no patient data).
        keep: async () => {
          const made = await clients.get('patient')?.inject({ method: 'POST', url: '/api/calendar-feed' });
          ids.feed = (made?.json() as { url: string }).url;
        },
      },
      {
        // Fetched by a calendar app with no sign-in: audited as the address's owner.
        route: 'GET /api/calendar-feeds/:token.ics', as: 'patient', url: () => id('feed'), status: 200,
        expected: () => [{ action: 'read', entity: 'treatment_session', entityId: id('pastSession'), patientId: paula }],
      },
      {
        route: 'GET /api/practitioners/:id/calendar.ics', as: 'reception', url: () => `/api/practitioners/${t.fixture.users.practitioner.id}/calendar.ics`, status: 200,
        expected: () => [{ action: 'read', entity: 'treatment_session', entityId: id('pastSession'), patientId: paula }],
      },
      {
        route: 'POST /api/courses/:id/maintenance-recall', as: 'practitioner', url: () => `/api/courses/${id('course')}/maintenance-recall`, status: 201,
        expected: (b) => [
          { action: 'create', entity: 'maintenance_recall', entityId: b.recall.id, patientId: paula },
          { action: 'update', entity: 'course', entityId: id('course'), patientId: paula },
        ],
        keep: (b) => (ids.recall = b.recall.id),
      },
      {
        route: 'GET /api/patients/:id/maintenance-recalls', as: 'patient', url: () => `/api/patients/${paula}/maintenance-recalls`, status: 200,
        expected: () => [{ action: 'read', entity: 'maintenance_recall', entityId: id('recall'), patientId: paula }],
      },
      {
        route: 'GET /api/maintenance-recalls', as: 'reception', url: () => '/api/maintenance-recalls', status: 200,
        expected: () => [{ action: 'read', entity: 'maintenance_recall', entityId: id('recall'), patientId: paula }],
      },
      {
        route: 'PATCH /api/courses/:id', as: 'practitioner', url: () => `/api/courses/${id('course')}`, status: 200, payload: () => ({ status: 'completed' }),
        expected: () => [{ action: 'update', entity: 'course', entityId: id('course'), patientId: paula }],
      },

      // A second course, found and booked whole by the course finder, then moved.
      {
        route: 'POST /api/patients/:id/courses', as: 'practitioner', url: () => `/api/patients/${paula}/courses`, status: 201, payload: () => ({ assessmentId: id('assessment') }),
        expected: (b) => [{ action: 'create', entity: 'course', entityId: b.id, patientId: paula }],
        keep: (b) => (ids.secondCourse = b.id),
      },
      {
        route: 'POST /api/courses/:id/course-proposals', as: 'reception', url: () => `/api/courses/${id('secondCourse')}/course-proposals`, status: 200,
        payload: () => ({ locationId: location, earliestStart: mondayAfter(60) }),
        expected: (b) => {
          expect(b.status).toBe('found');
          return [{ action: 'read', entity: 'course', entityId: id('secondCourse'), patientId: paula }];
        },
        keep: (b) => (ids.proposal = JSON.stringify(b.course.sessions.map((x: { start: string; practitionerId: string; roomId: string }) => ({ start: x.start, practitionerId: x.practitionerId, roomId: x.roomId })))),
      },
      {
        route: 'POST /api/courses/:id/bookings', as: 'reception', url: () => `/api/courses/${id('secondCourse')}/bookings`, status: 201,
        payload: () => ({ locationId: location, sessions: JSON.parse(id('proposal')) as unknown }),
        expected: (b) => [
          ...b.sessions.map((x: { id: string }) => ({ action: 'create', entity: 'treatment_session', entityId: x.id, patientId: paula })),
          { action: 'update', entity: 'course', entityId: id('secondCourse'), patientId: paula },
        ],
        keep: (b) => {
          ids.booked = b.sessions[0].id;
          ids.bookedStart = b.sessions[0].scheduledAt;
        },
      },
      {
        route: 'POST /api/sessions/:id/reschedule', as: 'reception', url: () => `/api/sessions/${id('booked')}/reschedule`, status: 200,
        payload: () => ({ start: new Date(Date.parse(id('bookedStart')) + day).toISOString() }),
        expected: (b) => b.moved.map((sessionId: string) => ({ action: 'update', entity: 'treatment_session', entityId: sessionId, patientId: paula })),
      },
    ];
  };

  async function newEntries(t: TestApp, before: ReadonlySet<string>): Promise<AuditRecord[]> {
    const latest = await t.repos.audit.list({ clinicId: t.fixture.clinic.id, limit: 200, offset: 0 });
    return latest.filter((e) => !before.has(e.id));
  }

  it('audits every read and write of patient data with user, action, entity and patient', async () => {
    const t = get();
    for (const step of steps(t)) {
      const client = clients.get(step.as);
      if (!client) throw new Error(`no client for ${step.as}`);
      const before = new Set((await t.repos.audit.list({ clinicId: t.fixture.clinic.id, limit: 200, offset: 0 })).map((e) => e.id));
      const [method] = step.route.split(' ') as [Method];
      const payload = step.payload?.();
      const form = step.form && multipartPayload(step.form());
      const options: InjectOptions = {
        method,
        url: step.url(),
        ...(payload === undefined ? {} : { payload: payload as InjectOptions['payload'] }),
        ...(form ? { payload: form.payload, headers: form.headers } : {}),
      };
      const response = await client.inject(options);
      const json = String(response.headers['content-type'] ?? '').startsWith('application/json');
      const what = `${step.as} ${step.route} → ${response.statusCode} ${json ? response.body.slice(0, 300) : response.headers['content-type']}`;
      expect(response.statusCode, what).toBe(step.status);
      const body: Body = json ? response.json() : null;
      await step.keep?.(body);
      exercised.add(step.route);

      const added = await newEntries(t, before);
      const expected = step.expected(body);
      expect(expected.length, `${what}: the step expects no entry, so it proves nothing`).toBeGreaterThan(0);
      for (const entry of added) {
        expect(entry, `${what}: every entry names the user, role, clinic and route`).toMatchObject({
          userId: client.user.id, role: step.as, clinicId: t.fixture.clinic.id, route: step.route,
        });
        expect(entry.patientId, `${what}: every entry names the patient`).not.toBeNull();
      }
      const simplified = added.map((e) => ({ action: e.action, entity: e.entity, entityId: e.entityId, patientId: e.patientId }));
      for (const want of expected) expect(simplified, `${what}: missing ${JSON.stringify(want)}`).toContainEqual(expect.objectContaining(want));
    }
  });

  it('has a step for every route that reads or writes patient data', () => {
    const routes = get()
      .app.routeAccess.filter((r) => r.method !== 'HEAD' && !r.url.startsWith(docsPrefix))
      .map((r) => `${r.method} ${r.url}`)
      .filter((r) => patientDataPath.test(r.slice(r.indexOf(' ') + 1)) || otherPatientDataRoutes.includes(r));
    expect(routes.length).toBeGreaterThan(20);
    expect(routes.filter((r) => !exercised.has(r))).toEqual([]);
  });
}, { config: { dataDir } });
