import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import fc from 'fast-check';
import { beforeAll, expect, it } from 'vitest';
import type { Plan } from '../../../core/assessment/assessment-result.js';
import type { Patient } from '../../../core/assessment/intake-schema.js';
import { fhirSchemaErrors } from '../../../interop/test-support/fhir-schema-validator.js';
import {
  forEachApp,
  signInRoles,
  testKnowledgeBase,
  testPassword,
  type TestClient,
} from '../../../test-support/test-app.js';
import {
  seedInteropFixture,
  type InteropPatientRecords,
} from '../../../services/documents/test-support/interop-records.js';
import { fhirImportBodyLimit } from './fhir-schemas.js';
import { auditedRecords, clinicAudit } from '../../../test-support/audited-records.js';
import { definedOnly, exportableFacts } from '../../../interop/test-support/exportable-facts.js';

interface Bundle {
  resourceType: string;
  type: string;
  entry: { fullUrl: string; resource: { resourceType: string; id: string } }[];
}

const typesOf = (bundle: Bundle) => new Set(bundle.entry.map((e) => e.resource.resourceType));

forEachApp('FHIR routes', (get) => {
  let own: InteropPatientRecords;
  let admin: TestClient;
  let practitioner: TestClient;
  let reception: TestClient;
  let patient: TestClient;

  beforeAll(async () => {
    ({ own } = await seedInteropFixture(get().repos, testKnowledgeBase(), get().fixture));
    ({ admin, practitioner, reception, patient } = await signInRoles(get()));
  });

  const patientUrl = () => `/api/patients/${get().fixture.patient.id}/fhir`;
  /** A Bundle sent as raw text to the import, as FHIR JSON unless told. */
  const importText = (text: string, contentType = 'application/fhir+json') =>
    practitioner.inject({
      method: 'POST',
      url: '/api/fhir/import',
      headers: { 'content-type': contentType },
      payload: text,
    });

  it("exports one patient's records as a FHIR R4 Bundle that passes the official schema, and audits it", async () => {
    const response = await practitioner.inject({ method: 'GET', url: patientUrl() });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/fhir+json; charset=utf-8');
    expect(response.headers['content-disposition']).toBe(
      `attachment; filename="patient-${get().fixture.patient.id}.fhir.json"`,
    );
    const bundle = response.json() as Bundle;
    expect(fhirSchemaErrors(bundle)).toEqual([]);
    expect(bundle.type).toBe('collection');
    for (const t of [
      'Patient',
      'Condition',
      'AllergyIntolerance',
      'MedicationStatement',
      'CarePlan',
      'Appointment',
      'Procedure',
      'Medication',
      'AdverseEvent',
      'Consent',
      'Observation',
    ])
      expect(typesOf(bundle), t).toContain(t);
    expect(typesOf(bundle)).not.toContain('AuditEvent');
    expect(bundle.entry.filter((e) => e.resource.resourceType === 'Patient').map((e) => e.resource.id)).toEqual([
      get().fixture.patient.id,
    ]);
    const audit = await clinicAudit(get(), { entity: 'fhir_export', patientId: get().fixture.patient.id, limit: 10 });
    expect(audit.map((a) => a.userId)).toContain(practitioner.user.id);
  }, 60_000);

  it('adds the audit trail for admins only', async () => {
    const denied = await practitioner.inject({ method: 'GET', url: `${patientUrl()}?audit=true` });
    expect(denied.statusCode).toBe(403);
    const response = await admin.inject({ method: 'GET', url: `${patientUrl()}?audit=true` });
    expect(response.statusCode).toBe(200);
    const bundle = response.json() as Bundle;
    expect(typesOf(bundle)).toContain('AuditEvent');
    expect(fhirSchemaErrors(bundle)).toEqual([]);
    expect((await admin.inject({ method: 'GET', url: `${patientUrl()}?audit=yes` })).json().problems[0].field).toBe(
      'audit',
    );
  }, 60_000);

  it('keeps patient exports from reception, patients and other clinics', async () => {
    expect((await reception.inject({ method: 'GET', url: patientUrl() })).statusCode).toBe(403);
    expect((await patient.inject({ method: 'GET', url: patientUrl() })).statusCode).toBe(403);
    expect((await get().app.inject({ method: 'GET', url: patientUrl() })).statusCode).toBe(401);
    expect((await admin.inject({ method: 'GET', url: '/api/patients/nope/fhir' })).statusCode).toBe(404);
    const stranger = await get().signInElsewhere();
    expect((await stranger.inject({ method: 'GET', url: patientUrl() })).statusCode).toBe(404);
  });

  it('round-trips the intake facts: export, then import as a pre-filled intake, storing nothing', async () => {
    const exported = await practitioner.inject({ method: 'GET', url: patientUrl() });
    const intakesBefore = (await get().repos.intakes.listByPatient(get().fixture.patient.id)).length;
    const imported = await importText(exported.body);
    expect(imported.statusCode, imported.body).toBe(200);
    const body = imported.json() as { patientId: string; patient: Patient; unmapped: unknown[] };
    expect(body.patientId).toBe(get().fixture.patient.id);
    expect(body.unmapped).toEqual([]);
    const { recentProcedures, site, ...facts } = body.patient;
    expect(recentProcedures).toEqual([]);
    expect(site).toEqual({});
    expect(definedOnly(facts)).toEqual(exportableFacts(own.intake.patient));
    expect((await get().repos.intakes.listByPatient(get().fixture.patient.id)).length).toBe(intakesBefore);

    // Plain JSON is accepted too, and admins may import.
    expect((await admin.inject({ method: 'POST', url: '/api/fhir/import', payload: exported.json() })).statusCode).toBe(
      200,
    );
  });

  it('answers a bad Bundle with a 400 naming what is wrong', async () => {
    const post = (payload: unknown, query = '') =>
      practitioner.inject({
        method: 'POST',
        url: `/api/fhir/import${query}`,
        payload: payload as Record<string, unknown>,
      });
    const fieldOf = async (payload: unknown, query = '') => {
      const response = await post(payload, query);
      expect(response.statusCode, response.body).toBe(400);
      return (response.json() as { problems: { field: string }[] }).problems[0]?.field;
    };
    const patientEntry = (id: string) => ({
      fullUrl: `urn:uuid:${id}`,
      resource: { resourceType: 'Patient', id, birthDate: '1990-04-12', gender: 'female' },
    });
    expect(await fieldOf({ resourceType: 'Patient', id: 'p1' })).toBe('resourceType');
    expect(await fieldOf({ resourceType: 'Bundle', entry: 'x' })).toBe('entry');
    expect(await fieldOf({ resourceType: 'Bundle', entry: [] })).toBe('entry');
    expect(await fieldOf({ resourceType: 'Bundle', entry: [{ resource: { id: 'no-type' } }] })).toBe(
      'entry[0].resource.resourceType',
    );
    const two = { resourceType: 'Bundle', type: 'collection', entry: [patientEntry('a1'), patientEntry('b2')] };
    expect(await fieldOf(two)).toBe('patientId');
    expect(await fieldOf(two, '?patientId=c3')).toBe('patientId');
    const chosen = await post(two, '?patientId=b2');
    expect(chosen.statusCode).toBe(200);
    expect(chosen.json()).toMatchObject({ patientId: 'b2', patient: { birthDate: '1990-04-12', sex: 'female' } });
    // A birth date outside 1900-01-01..today (by the app's clock) is a typo in the other system.
    const tomorrow = new Date(get().app.now().getTime() + 86_400_000).toISOString().slice(0, 10);
    for (const [birthDate, message] of [
      ['1899-12-31', /^must be 1900-01-01 or later: the Bundle gives 1899-12-31 for Patient b2$/],
      [tomorrow, /^must not be in the future/],
    ] as const) {
      const born = {
        ...two,
        entry: [patientEntry('a1'), { resource: { resourceType: 'Patient', id: 'b2', birthDate } }],
      };
      const refused = await post(born, '?patientId=b2');
      expect(refused.statusCode, birthDate).toBe(400);
      expect(refused.json().problems).toEqual([
        { field: 'entry[1].resource.birthDate', message: expect.stringMatching(message) },
      ]);
    }

    const notJson = await importText('{"resourceType": ');
    expect(notJson.statusCode).toBe(400);
    expect(notJson.json().problems[0].field).toBe('(body)');
    const poisoned = await importText('{"resourceType":"Bundle","__proto__":{"x":1}}');
    expect(poisoned.statusCode).toBe(400);
  });

  it('answers hostile Bundles with 4xx or a result, never 5xx', async () => {
    const exported = (await practitioner.inject({ method: 'GET', url: patientUrl() })).json() as Record<
      string,
      unknown
    >;
    const nasty = fc.oneof(
      fc.string({ maxLength: 20 }),
      fc.integer(),
      fc.double(),
      fc.boolean(),
      fc.constant(null),
      fc.constant({}),
      fc.constant([]),
      fc.constantFrom('\u0000', '\ud800', '__proto__', '1e400'),
    );
    /** Paths to every value in the Bundle, objects and arrays included. */
    const paths = (value: unknown, prefix: (string | number)[] = []): (string | number)[][] =>
      value && typeof value === 'object'
        ? Object.entries(value).flatMap(([k, v]) => {
            const path = [...prefix, Array.isArray(value) ? Number(k) : k];
            return [path, ...paths(v, path)];
          })
        : [];
    const all = paths(exported);
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.constantFrom(...all), nasty), { minLength: 1, maxLength: 3 }),
        async (changes) => {
          const copy = structuredClone(exported);
          for (const [path, value] of changes) {
            let target: unknown = copy;
            for (const key of path.slice(0, -1))
              target =
                target && typeof target === 'object' ? (target as Record<string | number, unknown>)[key] : undefined;
            if (target && typeof target === 'object')
              (target as Record<string | number, unknown>)[path.at(-1) ?? ''] = value;
          }
          const response = await importText(JSON.stringify(copy));
          expect(response.statusCode, `${JSON.stringify(changes)} → ${response.body.slice(0, 300)}`).toBeLessThan(500);
        },
      ),
      { numRuns: 150 },
    );
  }, 60_000);

  it('limits the size of an imported Bundle', async () => {
    const big = JSON.stringify({ resourceType: 'Bundle', entry: [], padding: 'x'.repeat(fhirImportBodyLimit) });
    const response = await importText(big, 'application/json');
    expect(response.statusCode).toBe(413);
    // Larger than the server-wide limit is fine up to the import's own.
    const roomy = JSON.stringify({
      resourceType: 'Bundle',
      entry: [{ resource: { resourceType: 'Patient', id: 'p', birthDate: '1990-01-01' } }],
      padding: 'x'.repeat(2 * 1024 * 1024),
    });
    expect((await importText(roomy, 'application/json')).statusCode).toBe(200);
  });

  it('keeps the import from reception and patients, and wants the CSRF token', async () => {
    const bundle = {
      resourceType: 'Bundle',
      entry: [{ resource: { resourceType: 'Patient', id: 'p', birthDate: '1990-01-01' } }],
    };
    expect((await reception.inject({ method: 'POST', url: '/api/fhir/import', payload: bundle })).statusCode).toBe(403);
    expect((await patient.inject({ method: 'POST', url: '/api/fhir/import', payload: bundle })).statusCode).toBe(403);
    expect(
      (await practitioner.inject({ method: 'POST', url: '/api/fhir/import', payload: bundle, csrf: false })).statusCode,
    ).toBe(403);
  });

  it('streams the whole clinic as one valid Bundle for admins, auditing every patient', async () => {
    const response = await admin.inject({ method: 'GET', url: '/api/fhir/export' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/fhir+json; charset=utf-8');
    expect(response.headers['content-disposition']).toMatch(
      /^attachment; filename="clinic-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}Z\.fhir\.json"$/,
    );
    const bundle = response.json() as Bundle;
    expect(fhirSchemaErrors(bundle)).toEqual([]);
    const { fixture } = get();
    expect(
      bundle.entry
        .filter((e) => e.resource.resourceType === 'Patient')
        .map((e) => e.resource.id)
        .sort(),
    ).toEqual([fixture.patient.id, fixture.otherPatient.id].sort());
    const urls = bundle.entry.map((e) => e.fullUrl);
    expect(new Set(urls).size).toBe(urls.length);
    // Both patients were charted with the same two lots: each lot's Medication appears once.
    expect(bundle.entry.filter((e) => e.resource.resourceType === 'Medication')).toHaveLength(2);
    const audited = auditedRecords(
      await clinicAudit(get(), { entity: 'fhir_export', userId: admin.user.id, limit: 50 }),
    );
    expect(new Set(audited.map((a) => a.patientId))).toEqual(new Set([fixture.patient.id, fixture.otherPatient.id]));

    expect((await practitioner.inject({ method: 'GET', url: '/api/fhir/export' })).statusCode).toBe(403);
    expect((await reception.inject({ method: 'GET', url: '/api/fhir/export' })).statusCode).toBe(403);
  }, 60_000);

  it('cuts the download off when a record fails part-way, rather than ending it as a whole Bundle', async () => {
    const elsewhere = await get().createOtherClinic();
    const { repos } = get();
    // A course whose stored plan is not a plan: its patient's resources cannot be made.
    await repos.courses.create({
      patientId: elsewhere.patient.id,
      assessmentId: null,
      indication: 'hair_loss',
      area: 'scalp',
      plan: {} as Plan,
      createdBy: null,
    });
    const client = await get().signInAs(elsewhere.users.admin.email, testPassword);
    const injected = await client.inject({ method: 'GET', url: '/api/fhir/export' }).then(
      (r) => ({ ended: true, body: r.body }),
      (error: unknown) => ({ ended: false, body: String(error) }),
    );
    expect(() => JSON.parse(injected.body)).toThrow();

    // Over a real connection: the body starts, then the connection is dropped before its end.
    const { app } = get();
    // The app's own afterAll closes the server again.
    await app.listen({ port: 0, host: '127.0.0.1' });
    {
      const { port } = app.server.address() as AddressInfo;
      const login = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email: elsewhere.users.admin.email, password: testPassword },
      });
      const cookie = login.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
      const outcome = await new Promise<{
        status: number | undefined;
        received: string;
        completed: boolean;
        error: string | undefined;
      }>((resolve) => {
        const req = httpRequest({ host: '127.0.0.1', port, path: '/api/fhir/export', headers: { cookie } }, (res) => {
          let received = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => (received += chunk));
          res.on('end', () => resolve({ status: res.statusCode, received, completed: res.complete, error: undefined }));
          res.on('error', (error) =>
            resolve({ status: res.statusCode, received, completed: res.complete, error: error.message }),
          );
        });
        req.on('error', (error) =>
          resolve({ status: undefined, received: '', completed: false, error: error.message }),
        );
        req.end();
      });
      expect(outcome.status).toBe(200);
      expect(outcome.received.startsWith('{"resourceType":"Bundle"')).toBe(true);
      expect(outcome.completed).toBe(false);
      expect(() => JSON.parse(outcome.received)).toThrow();
    }
  });
});
