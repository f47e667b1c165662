import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { fhirSchemaErrors } from '../interop/test-support/fhir-schema-validator.js';
import { argon2idHasher } from '../services/accounts/password-hasher.js';
import type { DemoLogin } from '../services/demo/create-demo-clinic.js';
import { defaultMessagingSettings } from '../services/messaging/messaging-settings.js';
import {
  signInClient,
  testAppConfig,
  testKnowledgeBase,
  testPasswordHashing,
  type TestClient,
} from '../test-support/test-app.js';
import { forEachEngine } from '../test-support/test-databases.js';
import { ZoneCalendar } from '../core/scheduling/zone-calendar.js';
import type { App } from './app-types.js';
import { buildApp } from './build-app.js';
import { prepareFirstStart } from './first-start.js';

/**
 * The first start's demo clinic, read back through the API as a newcomer's browser would: every
 * kind of record the product keeps is there, and the whole clinic exports as valid FHIR R4.
 */

/** The server judges "upcoming" by its own clock, so the demo is made as of now, as on a real first start. */
const now = new Date();
const calendar = new ZoneCalendar('Europe/Berlin');
const today = calendar.local(now.getTime());

interface Patient {
  id: string;
  firstName: string;
  lastName: string;
}
interface Session {
  id: string;
  status: string;
  scheduledAt: string;
  flag: { verdict: string } | null;
}

forEachEngine('the demo clinic, through the API', (getDb) => {
  let app: App;
  let dataDir: string;
  let logins: DemoLogin[];
  let practitioner: TestClient;
  let admin: TestClient;
  let patients: Patient[];
  const sessionsOf = new Map<string, Session[]>();

  const login = (role: string) => {
    const found = logins.find((l) => l.role === role);
    if (!found) throw new Error(`no ${role} login`);
    return found;
  };
  const patientNamed = (lastName: string) => {
    const found = patients.find((p) => p.lastName === lastName);
    if (!found) throw new Error(`no patient ${lastName}`);
    return found;
  };
  const get = async (client: TestClient, url: string) => {
    const response = await client.inject({ method: 'GET', url });
    expect(response.statusCode, `GET ${url}: ${response.body.slice(0, 300)}`).toBe(200);
    return response.json();
  };

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'mesodesk-demo-api-'));
    const start = await prepareFirstStart(getDb(), {
      config: {},
      hasher: argon2idHasher(testPasswordHashing),
      knowledgeBase: testKnowledgeBase(),
      messaging: defaultMessagingSettings(),
      dataDir,
      now,
    });
    if (start.kind !== 'demo') throw new Error(`expected the demo, got ${start.kind}`);
    logins = start.logins;
    app = await buildApp({ db: getDb(), knowledgeBase: testKnowledgeBase(), config: testAppConfig({ dataDir }) });
    practitioner = await signInClient(app, login('practitioner').email, login('practitioner').password);
    admin = await signInClient(app, login('admin').email, login('admin').password);
    patients = (await get(practitioner, '/api/patients?limit=100')).patients;
    for (const p of patients)
      sessionsOf.set(p.id, (await get(practitioner, `/api/patients/${p.id}/sessions`)).sessions);
  }, 120_000);

  afterAll(async () => {
    await app?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('has twenty patients across every indication, screened to every verdict', async () => {
    expect(patients).toHaveLength(20);
    const indications = new Set<string>();
    const verdicts = new Set<string>();
    for (const p of patients)
      for (const intake of (await get(practitioner, `/api/patients/${p.id}/intakes`)).intakes) {
        indications.add(intake.data.request.indication);
        verdicts.add(intake.assessment.verdict);
      }
    expect([...indications].sort()).toEqual([...testKnowledgeBase().indications.keys()].sort());
    for (const verdict of ['eligible', 'eligible_with_precautions', 'defer', 'contraindicated'])
      expect(verdicts).toContain(verdict);
    // Contraindicated at the first visit: no course was ever started.
    expect((await get(practitioner, `/api/patients/${patientNamed('Lindqvist').id}/courses`)).courses).toEqual([]);
  });

  it('charts every session held, with products and lots, under signed consents, with outcomes', async () => {
    let charted = 0;
    const lots = new Set<string>();
    for (const p of patients) {
      const held = (sessionsOf.get(p.id) ?? []).filter((s) => s.status === 'done');
      if (held.length === 0) continue;
      const signatures = (await get(practitioner, `/api/patients/${p.id}/consents`)).signatures;
      expect(signatures.map((s: { consentText: { current: boolean } }) => s.consentText.current)).toContain(true);
      const outcomes = (await get(practitioner, `/api/patients/${p.id}/outcomes`)).outcomes;
      expect(outcomes).toHaveLength(held.length);
      for (const o of outcomes) expect(o.patientRating).toBeGreaterThanOrEqual(1);
      // A course that went on for a while shows its progress.
      if (outcomes.length >= 4)
        expect(outcomes.at(-1).patientRating, p.lastName).toBeGreaterThan(outcomes[0].patientRating);
      for (const session of held) {
        const chart = await get(practitioner, `/api/sessions/${session.id}/chart`);
        expect(chart.points.length).toBeGreaterThan(0);
        for (const point of chart.points) {
          expect(point.productId).toEqual(expect.any(String));
          lots.add(point.lotId);
        }
        charted += 1;
      }
    }
    expect(charted).toBeGreaterThanOrEqual(30);
    expect(lots.size).toBeGreaterThanOrEqual(4);
    const missed = [...sessionsOf.values()].flat().filter((s) => s.status === 'no_show');
    expect(missed).toHaveLength(1);
  });

  it('keeps a resolved bruise and an urgent late nodule, whose lot was then recalled', async () => {
    const urgent = (await get(practitioner, '/api/side-effects?level=urgent')).reports;
    expect(urgent.map((r: { patient: Patient }) => r.patient.lastName)).toEqual(['Koch']);
    const nodule = await get(practitioner, `/api/side-effects/${urgent[0].id}`);
    expect(nodule.lots.map((l: { lotNumber: string }) => l.lotNumber)).toEqual(['BC-2402']);

    const anna = patientNamed('Berg');
    const reports = [];
    for (const s of sessionsOf.get(anna.id) ?? [])
      reports.push(...(await get(practitioner, `/api/sessions/${s.id}/side-effects`)).reports);
    expect(reports).toHaveLength(1);
    expect(reports[0]).toMatchObject({ reportedBy: 'patient', ongoing: false, triage: { level: 'expected' } });

    const products = (await get(practitioner, '/api/products')).products;
    const lot = products.flatMap((p: { lots: { id: string; lotNumber: string; recalled: boolean }[] }) => p.lots);
    const recalled = lot.find((l: { lotNumber: string }) => l.lotNumber === 'BC-2402');
    expect(recalled?.recalled).toBe(true);
    const recipients = (await get(practitioner, `/api/lots/${recalled?.id}/recall`)).patients;
    // The patient who reported it and every other patient whose sessions used the lot before the recall.
    expect(recipients.map((r: { lastName: string }) => r.lastName)).toContain('Koch');
    expect(recipients.length).toBeGreaterThan(1);
  });

  it('keeps before and after photos, whose images are there', async () => {
    const photos = (await get(practitioner, `/api/patients/${patientNamed('Novak').id}/photos`)).photos;
    expect(photos.map((p: { kind: string }) => p.kind).sort()).toEqual(['after', 'before']);
    const image = await practitioner.inject({ method: 'GET', url: `/api/photos/${photos[0].id}` });
    expect(image.statusCode).toBe(200);
    expect(image.headers['content-type']).toBe('image/jpeg');
    expect(image.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]));
  });

  it('flags the sessions a new intake made unsafe, and leaves them uncharted', async () => {
    const flags = (await get(practitioner, '/api/flags')).flags as {
      patient: Patient;
      verdict: string;
      reasons: { code: string }[];
    }[];
    const byPatient = new Map(flags.map((f) => [f.patient.lastName, f]));
    expect(byPatient.get('Wagner')?.verdict).toBe('contraindicated');
    expect(byPatient.get('Wagner')?.reasons.map((r) => r.code)).toContain('PREGNANCY');
    expect(byPatient.get('Schulz')?.verdict).toBe('defer');
    expect(byPatient.get('Schulz')?.reasons.map((r) => r.code)).toContain('NSAID_WITHIN_7_DAYS');
    const mia = sessionsOf.get(patientNamed('Wagner').id) ?? [];
    expect(mia.filter((s) => s.flag).every((s) => s.status === 'planned')).toBe(true);
  });

  it('fills the calendar today and this week, and keeps upcoming messages in the outbox', async () => {
    const day = (offset: number) => new Date(calendar.wallToMs(today.day + offset, 0)).toISOString();
    // The demo clinic opens every day, so today is full whatever day the demo is made.
    const todays = (await get(practitioner, `/api/sessions?from=${day(0)}&to=${day(1)}&limit=200`)).entries;
    expect(todays.length).toBeGreaterThanOrEqual(6);
    const week = (await get(practitioner, `/api/sessions?from=${day(0)}&to=${day(7)}&limit=200`)).entries;
    expect(week.length).toBeGreaterThanOrEqual(12);

    const upcoming = week.find(
      (e: { session: Session }) => Date.parse(e.session.scheduledAt) > now.getTime() + 86_400_000,
    );
    const pending = (await get(admin, `/api/sessions/${upcoming.session.id}/messages`)).messages;
    expect(pending.map((m: { status: string }) => m.status)).toContain('pending');
    const done = [...sessionsOf.values()].flat().find((s) => s.status === 'done');
    const sent = (await get(admin, `/api/sessions/${done?.id}/messages`)).messages;
    expect(sent.map((m: { status: string }) => m.status)).toContain('sent');
  });

  it('gives a patient a portal login that signs in to their own records', async () => {
    const portal = login('patient');
    const patient = await signInClient(app, portal.email, portal.password);
    expect(patient.user.role).toBe('patient');
    const anna = patientNamed('Berg');
    expect(patient.user.patientId).toBe(anna.id);
    expect((await get(patient, `/api/patients/${anna.id}/sessions`)).sessions.length).toBe(6);
    const other = await patient.inject({ method: 'GET', url: `/api/patients/${patientNamed('Koch').id}/sessions` });
    expect([403, 404]).toContain(other.statusCode);
  });

  it('exports the whole clinic as a FHIR R4 Bundle that passes the official schema', async () => {
    const response = await admin.inject({ method: 'GET', url: '/api/fhir/export' });
    expect(response.statusCode).toBe(200);
    const bundle = response.json() as { entry: { resource: { resourceType: string } }[] };
    expect(fhirSchemaErrors(bundle)).toEqual([]);
    const types = new Set(bundle.entry.map((e) => e.resource.resourceType));
    for (const type of [
      'Patient',
      'Condition',
      'AllergyIntolerance',
      'CarePlan',
      'Appointment',
      'Procedure',
      'AdverseEvent',
      'Consent',
    ])
      expect(types, type).toContain(type);
  }, 60_000);
});
