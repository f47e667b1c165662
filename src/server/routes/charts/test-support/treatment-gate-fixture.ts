import { sql, type RawBuilder } from 'kysely';
import { beforeAll } from 'vitest';
import { addDays } from '../../../../core/dates/iso-date.js';
import type {
  LotRecord,
  PatientRecord,
  ProductRecord,
  TreatmentSessionRecord,
} from '../../../../core/records/index.js';
import { makeIntake } from '../../../../test-support/intake-builder.js';
import { createSampleCourse } from '../../../../test-support/stored-records.js';
import { signInRoles, type TestApp, type TestClient } from '../../../../test-support/test-app.js';
import { signatureImage } from '../../../../test-support/sample-signature.js';
import { clinicAudit } from '../../../../test-support/audited-records.js';

/**
 * The set-up of the treatment gate tests: the patient's latest intake is assessed again for the
 * session's day before a chart (or "done") is accepted. Sessions are placed relative to the real
 * clock, in UTC (the fixture clinic's only location), so "today" is the server's today.
 */

const hour = 3_600_000;
const day = 24 * hour;

export const hoursAgo = (hours: number) => new Date(Date.now() - hours * hour).toISOString();
export const daysAhead = (days: number) => new Date(Date.now() + days * day).toISOString();
/** The UTC calendar date of an instant: the clinic's only location is in UTC. */
export const dateOf = (instant: string) => instant.slice(0, 10);

export const check = (client: TestClient, sessionId: string) =>
  client.inject({ method: 'GET', url: `/api/sessions/${sessionId}/treatment-check` });

/** What `storedFor` finds for a session the gate refused. */
export const nothingStored = { charts: 0, points: 0, overrides: 0, status: 'planned' };

export interface TreatmentGateSetup {
  admin: TestClient;
  practitioner: TestClient;
  reception: TestClient;
  patientClient: TestClient;
  /** A product without allergens, with `lot`; a numbing gel (lignocaine) is in the catalogue beside it. */
  booster: ProductRecord;
  lot: LotRecord;
  consentTextId: string;
}

/** Registers the set-up (a `beforeAll`) in the calling block and returns the helpers that use it. */
export function useTreatmentGate(get: () => TestApp) {
  let ready: TreatmentGateSetup | undefined;

  beforeAll(async () => {
    const { repos, fixture } = get();
    const { admin, practitioner, reception, patient: patientClient } = await signInRoles(get());
    const booster = await repos.products.createProduct({
      clinicId: fixture.clinic.id,
      name: 'Skin booster',
      ingredients: ['sodium hyaluronate'],
    });
    await repos.products.createProduct({
      clinicId: fixture.clinic.id,
      name: 'Numbing gel',
      ingredients: ['lignocaine'],
    });
    const lot = await repos.products.createLot({ productId: booster.id, lotNumber: 'SB-1', expiryDate: '2099-12-31' });
    const consentTextId = (
      await repos.consent.createText({
        clinicId: fixture.clinic.id,
        procedure: 'mesotherapy',
        text: 'Consent.',
        active: true,
      })
    ).id;
    ready = { admin, practitioner, reception, patientClient, booster, lot, consentTextId };
  });

  const setup = (): TreatmentGateSetup => {
    if (!ready) throw new Error('the treatment gate set-up is not ready: call setup() inside a test');
    return ready;
  };

  let patientCount = 0;
  /**
   * A patient of the fixture clinic who signed the consent, with an intake (facial rejuvenation, so
   * a 1-4 mm plan) whose answers `patient` replaces; `intake: false` for none.
   */
  async function newPatient(
    patient: Record<string, unknown> = {},
    options: { intake?: boolean } = {},
  ): Promise<PatientRecord> {
    const { repos, fixture } = get();
    const record = await repos.patients.create({
      clinicId: fixture.clinic.id,
      firstName: 'Gita',
      lastName: `Gate ${++patientCount}`,
      birthDate: '1991-03-15',
      sex: 'female',
      phone: null,
      email: null,
    });
    if (options.intake !== false)
      await repos.intakes.create({
        patientId: record.id,
        data: makeIntake({ patient }),
        createdBy: fixture.users.practitioner.id,
      });
    await repos.consent.sign({
      patientId: record.id,
      consentTextId: setup().consentTextId,
      typedName: 'Gita Gate',
      signatureImage,
      userAgent: null,
      userId: null,
    });
    return record;
  }

  async function sessionOf(patient: PatientRecord, scheduledAt = hoursAgo(2)): Promise<TreatmentSessionRecord> {
    const { repos } = get();
    const course = await createSampleCourse(repos, patient.id, { indication: 'skin_rejuvenation', area: 'face' });
    return repos.treatmentSessions.create({ courseId: course.id, scheduledAt });
  }

  /** A session of a patient who took an NSAID three days before its day: deferred, which a clinician may override. */
  async function deferredSession(scheduledAt = hoursAgo(2)) {
    const patient = await newPatient({
      medications: [{ name: 'ibuprofen', class: 'nsaid', lastDose: addDays(dateOf(scheduledAt), -3) }],
    });
    return { patient, session: await sessionOf(patient, scheduledAt) };
  }

  const point = (overrides: Record<string, unknown> = {}) => ({
    area: 'face',
    x: 0.5,
    y: 0.4,
    productId: setup().booster.id,
    lotId: setup().lot.id,
    volumeMl: 0.1,
    depthMm: 2,
    technique: 'manual',
    ...overrides,
  });
  const chartBody = (extra: Record<string, unknown> = {}) => ({
    anaesthesiaUsed: false,
    notes: 'Tolerated well',
    points: [point()],
    ...extra,
  });
  const chart = (client: TestClient, sessionId: string, body: object = chartBody()) =>
    client.inject({ method: 'POST', url: `/api/sessions/${sessionId}/chart`, payload: body });

  /** Rows of the tables a chart writes, for this session, and the session's status. */
  async function storedFor(sessionId: string) {
    const { db } = get();
    const count = async (query: RawBuilder<unknown>) =>
      Number(((await query.execute(db)).rows[0] as { n: number | string } | undefined)?.n);
    return {
      charts: await count(sql`select count(*) as n from chart_entries where session_id = ${sessionId}`),
      points: await count(
        sql`select count(*) as n from injection_points ip join chart_entries ce on ce.id = ip.chart_entry_id where ce.session_id = ${sessionId}`,
      ),
      overrides: await count(sql`select count(*) as n from treatment_overrides where session_id = ${sessionId}`),
      status: (await get().repos.treatmentSessions.findById(sessionId))?.status,
    };
  }

  const auditOf = async (patientId: string) =>
    (await clinicAudit(get(), { patientId, limit: 50 })).map((a) => `${a.action} ${a.entity} ${a.entityId}`);

  return { setup, newPatient, sessionOf, deferredSession, point, chartBody, chart, storedFor, auditOf };
}
