import { beforeAll, expect, it } from 'vitest';
import type { LotRecord, PatientRecord, ProductRecord } from '../../../core/records/index.js';
import { makeIntake } from '../../../test-support/intake-builder.js';
import { forEachApp, signInRoles, type TestClient } from '../../../test-support/test-app.js';
import { createSampleCourse, createTheirProduct } from '../../../test-support/stored-records.js';
import { signatureImage } from '../../../test-support/sample-signature.js';
import { clinicAudit } from '../../../test-support/audited-records.js';

forEachApp('chart routes', (get) => {
  let admin: TestClient;
  let practitioner: TestClient;
  let reception: TestClient;
  let patient: TestClient;
  let product: ProductRecord;
  let lots: Record<'good' | 'expiresMay31' | 'recalled' | 'otherProduct', LotRecord>;
  let berlinId: string;

  beforeAll(async () => {
    const { repos, fixture } = get();
    ({ admin, practitioner, reception, patient } = await signInRoles(get()));
    product = await repos.products.createProduct({
      clinicId: fixture.clinic.id,
      name: 'Hair cocktail',
      ingredients: ['vitamin_b'],
    });
    const booster = await repos.products.createProduct({
      clinicId: fixture.clinic.id,
      name: 'Skin booster',
      ingredients: ['hyaluronic_acid'],
    });
    const lot = (productId: string, lotNumber: string, expiryDate: string) =>
      repos.products.createLot({ productId, lotNumber, expiryDate });
    lots = {
      good: await lot(product.id, 'HC-GOOD', '2030-12-31'),
      expiresMay31: await lot(product.id, 'HC-MAY', '2026-05-31'),
      recalled: await lot(product.id, 'HC-BAD', '2030-12-31'),
      otherProduct: await lot(booster.id, 'SB-1', '2030-12-31'),
    };
    await repos.products.setLotRecalled(lots.recalled.id, true);
    berlinId = (
      await repos.clinics.createLocation({ clinicId: fixture.clinic.id, name: 'Berlin', timeZone: 'Europe/Berlin' })
    ).id;
    // Screened patients with nothing against treatment, so that the treatment gate (treatment-gate.test.ts) lets their past sessions be charted.
    for (const { id, birthDate, sex } of [fixture.patient, fixture.otherPatient])
      await repos.intakes.create({
        patientId: id,
        data: makeIntake({ patient: { birthDate, sex }, request: { indication: 'hair_loss', area: 'scalp' } }),
        createdBy: fixture.users.practitioner.id,
      });
  });

  /** A planned session of the patient, in a course made directly in storage (courses have their own tests). */
  const plannedSession = async (
    of: PatientRecord,
    scheduledAt = '2026-06-10T09:00:00Z',
    locationId: string | null = null,
  ) => {
    const { repos, fixture } = get();
    const course = await createSampleCourse(repos, of.id, { createdBy: fixture.users.practitioner.id });
    return repos.treatmentSessions.create({
      courseId: course.id,
      scheduledAt: new Date(scheduledAt).toISOString(),
      locationId,
    });
  };
  const point = (overrides: Record<string, unknown> = {}) => ({
    area: 'scalp',
    x: 0.4,
    y: 0.2,
    productId: product.id,
    lotId: lots.good.id,
    volumeMl: 0.05,
    depthMm: 2,
    technique: 'manual',
    ...overrides,
  });
  const chartBody = (points: object[] = [point()], extra: object = {}) => ({
    anaesthesiaUsed: true,
    anaesthesiaAgent: 'lidocaine cream',
    notes: 'tolerated well',
    points,
    ...extra,
  });
  const chart = (client: TestClient, sessionId: string, body: object = chartBody()) =>
    client.inject({ method: 'POST', url: `/api/sessions/${sessionId}/chart`, payload: body });
  const current = async () => (await admin.inject({ method: 'GET', url: '/api/consent-texts/mesotherapy' })).json();
  const publishConsent = (text: string) =>
    admin.inject({ method: 'POST', url: '/api/consent-texts/mesotherapy/versions', payload: { text } });
  const signCurrent = async (of: PatientRecord) => {
    const response = await practitioner.inject({
      method: 'POST',
      url: `/api/patients/${of.id}/consents`,
      payload: { consentTextId: (await current()).id, typedName: `${of.firstName} ${of.lastName}`, signatureImage },
    });
    expect(response.statusCode).toBe(201);
  };
  /** Nothing of a refused chart may remain: no chart, the session still planned. */
  const expectUncharted = async (sessionId: string) => {
    expect((await practitioner.inject({ method: 'GET', url: `/api/sessions/${sessionId}/chart` })).statusCode).toBe(
      404,
    );
    expect((await get().repos.treatmentSessions.findById(sessionId))?.status).toBe('planned');
  };

  /** Charting the session (with the default body) is refused as a conflict: `error`, saying `because`. */
  const expectRefused = async (sessionId: string, error: string, because: string) => {
    const response = await chart(practitioner, sessionId);
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({ error, message: expect.stringContaining(because) });
  };

  it('refuses to chart without the patient’s signature of the current consent, then charts once signed', async () => {
    const { fixture } = get();
    const session = await plannedSession(fixture.patient);

    await expectRefused(session.id, 'consent_missing', 'no mesotherapy consent text is published');

    await publishConsent('Consent, version one.');
    await expectRefused(session.id, 'consent_missing', 'has not signed the mesotherapy consent (version 1)');

    await signCurrent(fixture.patient);
    await publishConsent('Consent, version two.');
    await expectRefused(
      session.id,
      'consent_outdated',
      'signed version 1 of the mesotherapy consent, but version 2 is current',
    );
    await expectUncharted(session.id);

    await signCurrent(fixture.patient);
    // 13 mm is outside the scalp plan (2-3 mm): charted only with the clinician's confirmation.
    const charted = await chart(
      practitioner,
      session.id,
      chartBody([point(), point({ area: 'scalp', x: 0.5, y: 0.25, volumeMl: 10, depthMm: 13, technique: 'gun' })], {
        confirmOutsidePlan: true,
      }),
    );
    expect(charted.statusCode, charted.body).toBe(201);
    const body = charted.json();
    expect(body.session).toMatchObject({ id: session.id, status: 'done' });
    expect(body.chart).toMatchObject({
      sessionId: session.id,
      anaesthesiaUsed: true,
      anaesthesiaAgent: 'lidocaine cream',
      notes: 'tolerated well',
      createdBy: fixture.users.practitioner.id,
    });
    expect(
      body.chart.points.map((p: { volumeMl: number; depthMm: number; technique: string; lotId: string }) => [
        p.volumeMl,
        p.depthMm,
        p.technique,
        p.lotId,
      ]),
    ).toEqual([
      [0.05, 2, 'manual', lots.good.id],
      [10, 13, 'gun', lots.good.id],
    ]);

    const audit = await clinicAudit(get(), { patientId: fixture.patient.id, limit: 20 });
    expect(audit.map((a) => `${a.action} ${a.entity} ${a.entityId}`)).toEqual(
      expect.arrayContaining([`create chart_entry ${body.chart.id}`, `update treatment_session ${session.id}`]),
    );
  });

  it('shows the chart to clinicians and to the patient, not to reception or other patients', async () => {
    const { fixture } = get();
    const [session] = (await get().repos.treatmentSessions.listByPatient(fixture.patient.id)).filter(
      (s) => s.status === 'done',
    );
    const url = `/api/sessions/${session?.id}/chart`;
    const own = await patient.inject({ method: 'GET', url });
    expect(own.statusCode).toBe(200);
    expect(own.json().points).toHaveLength(2);
    expect((await admin.inject({ method: 'GET', url })).json().id).toBe(own.json().id);
    expect((await reception.inject({ method: 'GET', url })).statusCode).toBe(403);

    const othersSession = await plannedSession(fixture.otherPatient);
    await signCurrent(fixture.otherPatient);
    expect((await chart(admin, othersSession.id)).statusCode).toBe(201);
    expect((await patient.inject({ method: 'GET', url: `/api/sessions/${othersSession.id}/chart` })).statusCode).toBe(
      404,
    );
    const reads = await clinicAudit(get(), {
      patientId: fixture.patient.id,
      entity: 'chart_entry',
      action: 'read',
      limit: 20,
    });
    expect(reads.map((r) => r.userId)).toContain(fixture.users.patient.id);
  });

  it('refuses recalled lots and lots that expired before the session date, naming them and writing nothing', async () => {
    const { fixture } = get();
    const session = await plannedSession(fixture.patient, '2026-06-01T09:00:00Z');
    const recalled = await chart(practitioner, session.id, chartBody([point(), point({ lotId: lots.recalled.id })]));
    expect(recalled.statusCode).toBe(409);
    expect(recalled.json()).toMatchObject({
      error: 'lot_unusable',
      message: 'lot HC-BAD of Hair cocktail is recalled: it cannot be charted',
      lots: [{ lotId: lots.recalled.id, lotNumber: 'HC-BAD', reason: 'recalled' }],
    });
    const expired = await chart(practitioner, session.id, chartBody([point({ lotId: lots.expiresMay31.id })]));
    expect(expired.statusCode).toBe(409);
    expect(expired.json().message).toBe(
      'lot HC-MAY of Hair cocktail expired on 2026-05-31, before the session date 2026-06-01: it cannot be charted',
    );
    await expectUncharted(session.id);
  });

  it('reads the session date where it takes place: a lot is usable through its expiry day', async () => {
    const { fixture } = get();
    // 22:30 UTC on 31 May is already 1 June in Berlin.
    const inBerlin = await plannedSession(fixture.patient, '2026-05-31T22:30:00Z', berlinId);
    expect(
      (await chart(practitioner, inBerlin.id, chartBody([point({ lotId: lots.expiresMay31.id })]))).json().error,
    ).toBe('lot_unusable');
    await expectUncharted(inBerlin.id);
    const noLocation = await plannedSession(fixture.patient, '2026-05-31T22:30:00Z');
    expect(
      (await chart(practitioner, noLocation.id, chartBody([point({ lotId: lots.expiresMay31.id })]))).statusCode,
    ).toBe(201);
  });

  it('validates every point against the ranges and the knowledge base, naming the field', async () => {
    const { fixture } = get();
    const session = await plannedSession(fixture.patient);
    const problems = async (body: object) => {
      const response = await chart(practitioner, session.id, body);
      expect(response.statusCode, response.body).toBe(400);
      return response.json().problems as { field: string; message: string }[];
    };
    const fieldOf = async (overrides: Record<string, unknown>) =>
      (await problems(chartBody([point(), point(overrides)])))[0]?.field;

    expect(await fieldOf({ volumeMl: 0 })).toBe('points[1].volumeMl');
    expect(await fieldOf({ volumeMl: 10.01 })).toBe('points[1].volumeMl');
    expect(await fieldOf({ volumeMl: '0.1' })).toBe('points[1].volumeMl');
    expect(await fieldOf({ depthMm: -0.1 })).toBe('points[1].depthMm');
    expect(await fieldOf({ depthMm: 13.5 })).toBe('points[1].depthMm');
    expect(await fieldOf({ x: 1.01 })).toBe('points[1].x');
    expect(await fieldOf({ y: -1 })).toBe('points[1].y');
    expect(await fieldOf({ technique: 'laser' })).toBe('points[1].technique');
    expect(await problems(chartBody([point({ area: 'elbow' })]))).toEqual([
      {
        field: 'points[0].area',
        message: expect.stringContaining('must be an area code of the knowledge base (face,'),
      },
    ]);
    expect(await fieldOf({ lotId: undefined })).toBe('points[1].lotId');
    expect(await fieldOf({ productId: 'missing' })).toBe('points[1].productId');
    expect(await problems(chartBody([point({ lotId: lots.otherProduct.id })]))).toEqual([
      { field: 'points[0].lotId', message: 'must be a lot of the point’s product' },
    ]);
    expect(await problems(chartBody([]))).toEqual([
      { field: 'points', message: 'must list at least one injection point' },
    ]);
    expect(await problems(chartBody(undefined, { anaesthesiaAgent: null }))).toEqual([
      { field: 'anaesthesiaAgent', message: 'required when anaesthesiaUsed is true' },
    ]);
    expect(await problems(chartBody(undefined, { anaesthesiaUsed: false }))).toEqual([
      { field: 'anaesthesiaAgent', message: 'must be empty when anaesthesiaUsed is false' },
    ]);
    expect((await problems({ points: [point()] }))[0]?.field).toBe('anaesthesiaUsed');

    const other = await get().createOtherClinic();
    const { product: theirs, lot: theirLot } = await createTheirProduct(get().repos, other.clinic.id);
    expect(await fieldOf({ productId: theirs.id, lotId: theirLot.id })).toBe('points[1].productId');
    await expectUncharted(session.id);
  });

  it('lets only clinicians chart, once, and only sessions that are not closed', async () => {
    const { fixture } = get();
    const session = await plannedSession(fixture.patient);
    expect((await chart(reception, session.id)).statusCode).toBe(403);
    expect((await chart(patient, session.id)).statusCode).toBe(403);
    expect(
      (await get().app.inject({ method: 'POST', url: `/api/sessions/${session.id}/chart`, payload: chartBody() }))
        .statusCode,
    ).toBe(401);
    expect((await chart(practitioner, 'missing')).statusCode).toBe(404);
    await expectUncharted(session.id);

    expect((await chart(practitioner, session.id)).statusCode).toBe(201);
    const again = await chart(practitioner, session.id);
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toBe('already_charted');

    const cancelled = await plannedSession(fixture.patient);
    await get().repos.treatmentSessions.update(cancelled.id, { status: 'cancelled' });
    const closed = await chart(practitioner, cancelled.id);
    expect(closed.statusCode).toBe(409);
    expect(closed.json().error).toBe('session_closed');

    const other = await get().createOtherClinic();
    const elsewhere = await plannedSession(other.patient);
    expect((await chart(practitioner, elsewhere.id)).statusCode).toBe(404);
    expect((await practitioner.inject({ method: 'GET', url: `/api/sessions/${elsewhere.id}/chart` })).statusCode).toBe(
      404,
    );
  });
});
