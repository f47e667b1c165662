import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { AuditRecord, Role } from '../../../src/core/records/index.js';
import { forEachApp, type TestApp, type TestClient } from '../../../src/test-support/test-app.js';
import { docsPrefix } from '../../../src/server/plugins/openapi.js';
import { multipartPayload } from '../../../src/server/uploads/test-support/multipart-payload.js';
import { flowContext, type Body, type Method, type Step } from './audit-flow.js';
import { closingSteps } from './closing-steps.js';
import { recordSteps } from './record-steps.js';
import { treatmentSteps } from './treatment-steps.js';
import { moneySteps } from './money-steps.js';
import { safetySignalSteps } from './safety-signal-steps.js';
import { frontDeskSteps } from './front-desk-steps.js';
import { portalSteps } from './portal-steps.js';
import { auditedRecords } from '../../../src/test-support/audited-records.js';
import { daysFromToday } from '../../../src/test-support/relative-dates.js';
import { sampleRateSignal } from '../../../src/test-support/sample-signal.js';

/**
 * Every successful request that reads or writes patient data leaves audit entries naming the user,
 * the action, the entity and the patient. Driven through a realistic flow (register, intake, course,
 * booking, re-screening, ...: the steps are in *-steps.ts beside this file); a last check fails when
 * a patient-data route has no step.
 */

/** Routes that hold patient data, by path. Clinic set-up (consent texts, products, rooms, users) is not. */
const patientDataPath =
  /^\/api\/(patients|courses|sessions|flags|side-effects|photos|outcomes|consents|consent-signatures|charts|quotes|invoices|credit-notes)(\/|$)|^\/api\/assessments\/:id$|^\/api\/(portal|consultation-requests)(\/|$)/;
/** Routes under those paths that only ever refuse (an issued invoice is never changed): they touch no record. */
const refusingRoutes = ['PATCH /api/invoices/:id', 'PUT /api/invoices/:id', 'DELETE /api/invoices/:id'];
/** Patient data under other paths: a lot's recall list names its patients; exports and reports cover them all. */
const otherPatientDataRoutes = [
  'GET /api/lots/:id/recall',
  'GET /api/fhir/export',
  'GET /api/reports/:table.csv',
  'GET /api/maintenance-recalls',
  'GET /api/calendar',
  'GET /api/practitioners/:id/calendar.ics',
  'GET /api/calendar-feeds/:token.ics',
  'GET /api/money/takings',
  'GET /api/money/owed',
  'GET /api/money/export.csv',
  'GET /api/safety-signals',
  'GET /api/safety-signals/:id',
  'GET /api/front-desk/arrivals',
  'GET /api/waiting-list',
  'POST /api/waiting-list',
  'DELETE /api/waiting-list/:id',
  'GET /api/waiting-list/openings/:id/candidates',
  'POST /api/waiting-list/:id/booking',
];

/** Uploaded photos go to a data folder of this test's own. */
const dataDir = mkdtempSync(join(tmpdir(), 'mesodesk-audit-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

forEachApp(
  'audit completeness',
  (get) => {
    const clients = new Map<Role, TestClient>();
    const ids: Record<string, string> = {};
    const exercised = new Set<string>();

    beforeAll(async () => {
      for (const role of ['admin', 'practitioner', 'reception', 'patient'] as const)
        clients.set(role, await get().signIn(role));
      // Clinic set-up (not patient data): the consent text to sign, and a product lot to chart.
      const admin = clients.get('admin');
      const text = await admin?.inject({
        method: 'POST',
        url: '/api/consent-texts/mesotherapy/versions',
        payload: { text: 'I consent to mesotherapy of the scalp.' },
      });
      const product = await admin?.inject({
        method: 'POST',
        url: '/api/products',
        payload: { name: 'Hair cocktail', ingredients: ['hyaluronic_acid'] },
      });
      const lot = await admin?.inject({
        method: 'POST',
        url: `/api/products/${product?.json().id}/lots`,
        payload: { lotNumber: 'A-1', expiryDate: daysFromToday(700), quantityMl: 50 },
      });
      // A price for a session of any indication: the course's quote comes from the price list.
      const price = await admin?.inject({
        method: 'POST',
        url: '/api/prices',
        payload: {
          kind: 'session',
          name: 'Mesotherapy session',
          unitPriceMinor: 12_000,
          currency: 'EUR',
          taxRatePercent: 20,
        },
      });
      for (const response of [text, product, lot, price]) expect(response?.statusCode, response?.body).toBe(201);
      ids.consentText = text?.json().id;
      ids.product = product?.json().id;
      ids.lot = lot?.json().id;
      // The course finder needs working hours and a room at the location.
      const { repos, fixture } = get();
      await repos.clinics.updateLocation(fixture.location.id, { timeZone: 'Europe/Berlin' });
      // A safety signal naming the patient the flow follows, as detection stores one.
      const signal = await repos.transaction((tx) =>
        tx.safetySignals.insertNew(
          fixture.clinic.id,
          sampleRateSignal({ key: 'rate:clinic:clinic:audit', patientIds: [fixture.patient.id] }),
        ),
      );
      ids.safetySignal = signal?.id ?? '';
      ids.room = (await repos.availability.createRoom({ locationId: fixture.location.id, name: 'Room 1' })).id;
      const weekdays = Object.fromEntries([1, 2, 3, 4, 5].map((d) => [d, [{ start: '08:00', end: '18:00' }]]));
      await repos.availability.setPractitionerHours({
        practitionerId: fixture.users.practitioner.id,
        locationId: fixture.location.id,
        weeklyHours: weekdays,
      });
    });

    const steps = (t: TestApp): Step[] => {
      const context = flowContext(t, clients, ids);
      return [
        ...recordSteps(context),
        ...treatmentSteps(context),
        ...moneySteps(context),
        ...closingSteps(context),
        ...safetySignalSteps(context),
        ...frontDeskSteps(context),
        ...portalSteps(context),
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
        const before = new Set(
          (await t.repos.audit.list({ clinicId: t.fixture.clinic.id, limit: 200, offset: 0 })).map((e) => e.id),
        );
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
            userId: client.user.id,
            role: step.as,
            clinicId: t.fixture.clinic.id,
            route: step.route,
          });
          expect(entry.records.length, `${what}: every entry names what it touched`).toBeGreaterThan(0);
          for (const record of entry.records)
            expect(record.patientId, `${what}: every record names the patient`).not.toBeNull();
        }
        // One entry per request and kind of record, naming each record: compared record by record.
        const simplified = auditedRecords(added).map((e) => ({
          action: e.action,
          entity: e.entity,
          entityId: e.entityId,
          patientId: e.patientId,
        }));
        for (const want of expected)
          expect(simplified, `${what}: missing ${JSON.stringify(want)}`).toContainEqual(expect.objectContaining(want));
      }
    });

    it('has a step for every route that reads or writes patient data', () => {
      const routes = get()
        .app.routeAccess.filter((r) => r.method !== 'HEAD' && !r.url.startsWith(docsPrefix))
        .map((r) => `${r.method} ${r.url}`)
        .filter((r) => patientDataPath.test(r.slice(r.indexOf(' ') + 1)) || otherPatientDataRoutes.includes(r))
        .filter((r) => !refusingRoutes.includes(r));
      expect(routes.length).toBeGreaterThan(20);
      expect(routes.filter((r) => !exercised.has(r))).toEqual([]);
    });
  },
  { config: { dataDir } },
);
