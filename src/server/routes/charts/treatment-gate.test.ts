import { sql, type RawBuilder } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import { addDays } from '../../../core/dates/iso-date.js';
import { extractPdf } from '../../../interop/test-support/pdf-text.js';
import type { LotRecord, PatientRecord, ProductRecord } from '../../../core/records/index.js';
import { makeIntake } from '../../../test-support/intake-builder.js';
import { forEachApp, type TestClient } from '../../../test-support/test-app.js';
import { createSampleCourse } from '../../../test-support/stored-records.js';

const signatureImage =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
const hour = 3_600_000;
const day = 24 * hour;

/**
 * The treatment gate at the point of care: the patient's latest intake is assessed again for the
 * session's day before a chart (or "done") is accepted. Sessions are placed relative to the real
 * clock, in UTC (the fixture clinic's only location), so "today" is the server's today.
 */
forEachApp('treatment gate, chart safety checks and addenda', (get) => {
  let admin: TestClient;
  let practitioner: TestClient;
  let reception: TestClient;
  let patientClient: TestClient;
  let booster: ProductRecord;
  let lot: LotRecord;
  let consentTextId: string;

  beforeAll(async () => {
    const { repos, fixture } = get();
    admin = await get().signIn('admin');
    practitioner = await get().signIn('practitioner');
    reception = await get().signIn('reception');
    patientClient = await get().signIn('patient');
    booster = await repos.products.createProduct({
      clinicId: fixture.clinic.id,
      name: 'Skin booster',
      ingredients: ['sodium hyaluronate'],
    });
    await repos.products.createProduct({
      clinicId: fixture.clinic.id,
      name: 'Numbing gel',
      ingredients: ['lignocaine'],
    });
    lot = await repos.products.createLot({ productId: booster.id, lotNumber: 'SB-1', expiryDate: '2099-12-31' });
    consentTextId = (
      await repos.consent.createText({
        clinicId: fixture.clinic.id,
        procedure: 'mesotherapy',
        text: 'Consent.',
        active: true,
      })
    ).id;
  });

  const hoursAgo = (hours: number) => new Date(Date.now() - hours * hour).toISOString();
  const daysAhead = (days: number) => new Date(Date.now() + days * day).toISOString();
  /** The UTC calendar date of an instant: the clinic's only location is in UTC. */
  const dateOf = (instant: string) => instant.slice(0, 10);

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
      consentTextId,
      typedName: 'Gita Gate',
      signatureImage,
      userAgent: null,
      userId: null,
    });
    return record;
  }

  async function sessionOf(patient: PatientRecord, scheduledAt = hoursAgo(2)) {
    const { repos } = get();
    const course = await createSampleCourse(repos, patient.id, { indication: 'skin_rejuvenation', area: 'face' });
    return repos.treatmentSessions.create({ courseId: course.id, scheduledAt });
  }

  const point = (overrides: Record<string, unknown> = {}) => ({
    area: 'face',
    x: 0.5,
    y: 0.4,
    productId: booster.id,
    lotId: lot.id,
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
  const check = (client: TestClient, sessionId: string) =>
    client.inject({ method: 'GET', url: `/api/sessions/${sessionId}/treatment-check` });

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
  const nothingStored = { charts: 0, points: 0, overrides: 0, status: 'planned' };

  const auditOf = async (patientId: string) =>
    (await get().repos.audit.list({ clinicId: get().fixture.clinic.id, patientId, limit: 50, offset: 0 })).map(
      (a) => `${a.action} ${a.entity} ${a.entityId}`,
    );

  it('shows the session-day picture: verdict, plan, anaesthetics and products judged against the allergies', async () => {
    const patient = await newPatient({ allergies: [{ substance: 'lidocaine' }] });
    const session = await sessionOf(patient);
    const response = await check(practitioner, session.id);
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({
      sessionId: session.id,
      sessionDate: dateOf(session.scheduledAt),
      timeZone: 'UTC',
      future: false,
      allowed: true,
      overridable: false,
      blockers: [],
      flag: null,
      allergies: [{ substance: 'lidocaine' }],
      assessment: { verdict: 'eligible_with_precautions' },
      plan: { depthMm: { min: 1, max: 4 }, volumeMl: null, anaesthesia: { creamOffered: false, agents: [] } },
      anaesthesiaAgents: [{ ingredient: 'lidocaine', allowed: false, why: 'patient allergic to lidocaine' }],
    });
    expect(body.intakeId).toBe((await get().repos.intakes.latestForPatient(patient.id))?.id);
    expect(body.plan.mixture.ingredients).toContain('hyaluronic_acid');
    expect(body.products).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: 'Skin booster', fitsPlan: true, allergens: [] }),
        expect.objectContaining({ name: 'Numbing gel', fitsPlan: false, allergens: ['lidocaine'] }),
      ]),
    );
    expect(await auditOf(patient.id)).toContain(`read treatment_session ${session.id}`);

    expect((await check(admin, session.id)).statusCode).toBe(200);
    expect((await check(reception, session.id)).statusCode).toBe(403);
    expect((await check(patientClient, session.id)).statusCode).toBe(403);
    const other = await get().createOtherClinic();
    const elsewhere = await sessionOf(other.patient);
    expect((await check(practitioner, elsewhere.id)).statusCode).toBe(404);
    expect((await check(practitioner, 'missing')).statusCode).toBe(404);
  });

  it('refuses to chart a contraindicated session, naming every reason, and refuses an override of it', async () => {
    const patient = await newPatient({ pregnant: true, conditions: [{ code: 'bleeding_disorder' }] });
    const session = await sessionOf(patient);
    const refused = await chart(practitioner, session.id);
    expect(refused.statusCode, refused.body).toBe(409);
    const body = refused.json();
    expect(body).toMatchObject({ error: 'treatment_blocked', verdict: 'contraindicated', overridable: false });
    expect(body.reasons.map((r: { code: string }) => r.code)).toEqual(
      expect.arrayContaining(['PREGNANCY', 'BLEEDING_DISORDER']),
    );
    expect(body.message).toMatch(/PREGNANCY/);
    expect(body.message).toMatch(/BLEEDING_DISORDER/);
    expect(body.reasons.every((r: { sources: string[] }) => r.sources.length > 0)).toBe(true);

    const overridden = await chart(practitioner, session.id, chartBody({ override: { reason: 'Patient insists' } }));
    expect(overridden.statusCode).toBe(409);
    expect(overridden.json()).toMatchObject({ error: 'treatment_blocked', overridable: false });
    expect(await storedFor(session.id)).toEqual(nothingStored);

    const picture = (await check(practitioner, session.id)).json();
    expect(picture).toMatchObject({
      allowed: false,
      overridable: false,
      plan: null,
      assessment: { verdict: 'contraindicated' },
    });
  });

  it('refuses a deferred session (an NSAID three days before) until a clinician overrides it with a reason, and audits the override', async () => {
    const scheduledAt = hoursAgo(2);
    const patient = await newPatient({
      medications: [{ name: 'ibuprofen', class: 'nsaid', lastDose: addDays(dateOf(scheduledAt), -3) }],
    });
    const session = await sessionOf(patient, scheduledAt);
    const refused = await chart(practitioner, session.id);
    expect(refused.statusCode, refused.body).toBe(409);
    expect(refused.json()).toMatchObject({
      error: 'treatment_blocked',
      verdict: 'defer',
      overridable: true,
      reasons: [{ code: 'NSAID_WITHIN_7_DAYS', kind: 'temporary', overridable: true }],
    });
    expect(refused.json().message).toMatch(/NSAID_WITHIN_7_DAYS/);

    for (const reason of ['', '   ']) {
      const blank = await chart(practitioner, session.id, chartBody({ override: { reason } }));
      expect(blank.statusCode).toBe(400);
      expect(blank.json().problems).toEqual([{ field: 'override.reason', message: 'must not be empty' }]);
    }
    expect((await chart(practitioner, session.id, chartBody({ override: {} }))).json().problems).toEqual([
      { field: 'override.reason', message: 'required' },
    ]);
    expect(await storedFor(session.id)).toEqual(nothingStored);

    const reason = 'Prescriber agreed by phone; NSAID stopped earlier than recorded';
    const charted = await chart(practitioner, session.id, chartBody({ override: { reason } }));
    expect(charted.statusCode, charted.body).toBe(201);
    const override = {
      reason,
      verdict: 'defer',
      reasons: ['NSAID_WITHIN_7_DAYS'],
      by: get().fixture.users.practitioner.id,
      at: expect.any(String),
    };
    expect(charted.json().chart).toMatchObject({
      override,
      outsidePlanConfirmed: false,
      screening: { verdict: 'defer', sessionDate: dateOf(scheduledAt) },
    });
    expect(charted.json().chart.screening.knowledgeBaseVersion).toBe(get().app.knowledgeBase.version);
    const shown = await practitioner.inject({ method: 'GET', url: `/api/sessions/${session.id}/chart` });
    expect(shown.json()).toMatchObject({ override: { ...override, byName: 'Dr Pia Practitioner' }, addenda: [] });
    expect(await storedFor(session.id)).toEqual({ charts: 1, points: 1, overrides: 1, status: 'done' });

    const [stored] = await get().repos.charts.overridesOfSession(session.id);
    expect(await auditOf(patient.id)).toEqual(
      expect.arrayContaining([
        `create chart_entry ${charted.json().chart.id}`,
        `update treatment_session ${session.id}`,
        `create treatment_override ${stored?.id}`,
      ]),
    );
  });

  it('refuses a session whose day has not come, even for an eligible patient, override or not', async () => {
    const patient = await newPatient();
    const session = await sessionOf(patient, daysAhead(3));
    for (const body of [chartBody(), chartBody({ override: { reason: 'Patient is here early' } })]) {
      const refused = await chart(practitioner, session.id, body);
      expect(refused.statusCode).toBe(409);
      expect(refused.json()).toMatchObject({
        error: 'treatment_blocked',
        verdict: 'eligible',
        overridable: false,
        reasons: [{ code: 'SESSION_IN_FUTURE' }],
      });
    }
    expect(await storedFor(session.id)).toEqual(nothingStored);
    expect((await check(practitioner, session.id)).json()).toMatchObject({
      future: true,
      allowed: false,
      overridable: false,
    });
  });

  it('names every reason at once: a deferred session in the future, and a patient without an intake', async () => {
    const scheduledAt = daysAhead(2);
    const deferred = await sessionOf(
      await newPatient({
        medications: [{ name: 'aspirin', class: 'nsaid', lastDose: addDays(dateOf(scheduledAt), -1) }],
      }),
      scheduledAt,
    );
    const both = await chart(practitioner, deferred.id, chartBody({ override: { reason: 'Tried' } }));
    expect(both.statusCode).toBe(409);
    expect(both.json().reasons.map((r: { code: string }) => r.code)).toEqual([
      'NSAID_WITHIN_7_DAYS',
      'SESSION_IN_FUTURE',
    ]);
    expect(both.json().overridable).toBe(false);
    expect(both.json().message).toMatch(/NSAID_WITHIN_7_DAYS.*SESSION_IN_FUTURE/);

    const unscreened = await sessionOf(await newPatient({}, { intake: false }));
    const none = await chart(practitioner, unscreened.id, chartBody({ override: { reason: 'Known patient' } }));
    expect(none.statusCode).toBe(409);
    expect(none.json()).toMatchObject({
      error: 'treatment_blocked',
      verdict: null,
      overridable: false,
      reasons: [{ code: 'NO_INTAKE' }],
    });
    expect((await check(practitioner, unscreened.id)).json()).toMatchObject({
      intakeId: null,
      assessment: null,
      plan: null,
      allowed: false,
    });
    for (const id of [deferred.id, unscreened.id]) expect(await storedFor(id)).toEqual(nothingStored);
  });

  it('asks for confirmation of a depth outside the plan, and stores that it was given', async () => {
    const session = await sessionOf(await newPatient());
    const outside = await chart(practitioner, session.id, chartBody({ points: [point(), point({ depthMm: 6 })] }));
    expect(outside.statusCode, outside.body).toBe(409);
    expect(outside.json()).toMatchObject({
      error: 'outside_plan',
      points: [{ index: 1, field: 'points[1].depthMm', value: 6, range: { min: 1, max: 4 } }],
    });
    expect(await storedFor(session.id)).toEqual(nothingStored);

    const confirmed = await chart(
      practitioner,
      session.id,
      chartBody({ points: [point(), point({ depthMm: 6 })], confirmOutsidePlan: true }),
    );
    expect(confirmed.statusCode, confirmed.body).toBe(201);
    expect(confirmed.json().chart).toMatchObject({
      outsidePlanConfirmed: true,
      override: null,
      screening: { verdict: 'eligible' },
    });
    expect(
      (await practitioner.inject({ method: 'GET', url: `/api/sessions/${session.id}/chart` })).json()
        .outsidePlanConfirmed,
    ).toBe(true);

    // A confirmation with nothing outside the plan records nothing to confirm.
    const within = await sessionOf(await newPatient());
    expect(
      (await chart(practitioner, within.id, chartBody({ confirmOutsidePlan: true }))).json().chart.outsidePlanConfirmed,
    ).toBe(false);
  });

  it('refuses an anaesthetic the patient is allergic to, under any of its names, and never as an override', async () => {
    const session = await sessionOf(await newPatient({ allergies: [{ substance: 'lidocaine' }] }));
    for (const agent of ['Lidocaine cream', 'lignocaine 5%', 'numbing cream']) {
      const refused = await chart(
        practitioner,
        session.id,
        chartBody({ anaesthesiaUsed: true, anaesthesiaAgent: agent, override: { reason: 'Patient wants it' } }),
      );
      expect(refused.statusCode, agent).toBe(409);
      expect(refused.json()).toMatchObject({
        error: 'anaesthetic_allergy',
        allergen: 'lidocaine',
        allergens: ['lidocaine'],
      });
    }
    expect(await storedFor(session.id)).toEqual(nothingStored);
    const iced = await chart(
      practitioner,
      session.id,
      chartBody({ anaesthesiaUsed: true, anaesthesiaAgent: 'Ice pack' }),
    );
    expect(iced.statusCode, iced.body).toBe(201);
    // The override sent with nothing to override is not recorded.
    expect(iced.json().chart.override).toBeNull();
  });

  it('adds addenda to a chart without changing it; reception may not', async () => {
    const patient = await newPatient();
    const session = await sessionOf(patient);
    const url = `/api/sessions/${session.id}/chart/addenda`;
    expect((await practitioner.inject({ method: 'POST', url, payload: { text: 'Before charting' } })).statusCode).toBe(
      404,
    );
    const charted = await chart(practitioner, session.id);
    expect(charted.statusCode, charted.body).toBe(201);
    const original = charted.json().chart;

    const first = await practitioner.inject({
      method: 'POST',
      url,
      payload: { text: 'Mild bruising at point 1 seen next day.' },
    });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({
      chartEntryId: original.id,
      text: 'Mild bruising at point 1 seen next day.',
      createdBy: get().fixture.users.practitioner.id,
      createdByName: 'Dr Pia Practitioner',
    });
    expect((await admin.inject({ method: 'POST', url, payload: { text: 'Reviewed.' } })).statusCode).toBe(201);
    expect((await reception.inject({ method: 'POST', url, payload: { text: 'Reception note' } })).statusCode).toBe(403);
    expect((await patientClient.inject({ method: 'POST', url, payload: { text: 'Patient note' } })).statusCode).toBe(
      403,
    );
    const blank = await practitioner.inject({ method: 'POST', url, payload: { text: ' ' } });
    expect(blank.statusCode).toBe(400);
    expect(blank.json().problems).toEqual([{ field: 'text', message: 'must not be empty' }]);
    expect(
      (await practitioner.inject({ method: 'POST', url, payload: { text: 'x'.repeat(5001) } })).json().problems[0]
        .field,
    ).toBe('text');

    const shown = (await practitioner.inject({ method: 'GET', url: `/api/sessions/${session.id}/chart` })).json();
    expect(shown.addenda.map((a: { text: string; createdByName: string }) => [a.text, a.createdByName])).toEqual([
      ['Mild bruising at point 1 seen next day.', 'Dr Pia Practitioner'],
      ['Reviewed.', 'Ada Admin'],
    ]);
    const { addenda: _added, ...unchanged } = shown;
    const { addenda: _none, ...written } = original;
    expect(unchanged).toEqual(written);
    expect(await auditOf(patient.id)).toContain(`create chart_addendum ${first.json().id}`);

    // The database itself refuses to change a chart or an addendum.
    const { db } = get();
    await expect(
      sql`update chart_entries set notes = 'rewritten' where id = ${original.id}`.execute(db),
    ).rejects.toThrow(/never changed/);
    await expect(sql`delete from chart_addenda where id = ${first.json().id}`.execute(db)).rejects.toThrow(
      /never changed/,
    );

    const other = await get().createOtherClinic();
    const elsewhere = await sessionOf(other.patient);
    expect(
      (
        await practitioner.inject({
          method: 'POST',
          url: `/api/sessions/${elsewhere.id}/chart/addenda`,
          payload: { text: 'x' },
        })
      ).statusCode,
    ).toBe(404);
  });

  it('exports the override and the addenda: FHIR Procedure notes and the treatment summary', async () => {
    const scheduledAt = hoursAgo(2);
    const patient = await newPatient({
      medications: [{ name: 'ibuprofen', class: 'nsaid', lastDose: addDays(dateOf(scheduledAt), -3) }],
    });
    const session = await sessionOf(patient, scheduledAt);
    expect(
      (await chart(practitioner, session.id, chartBody({ override: { reason: 'Prescriber agreed' } }))).statusCode,
    ).toBe(201);
    expect(
      (
        await practitioner.inject({
          method: 'POST',
          url: `/api/sessions/${session.id}/chart/addenda`,
          payload: { text: 'Small bruise next day.' },
        })
      ).statusCode,
    ).toBe(201);

    const bundle = (await practitioner.inject({ method: 'GET', url: `/api/patients/${patient.id}/fhir` })).json() as {
      entry: { resource: { resourceType: string; note?: { text: string }[] } }[];
    };
    const procedure = bundle.entry.map((e) => e.resource).find((r) => r.resourceType === 'Procedure');
    expect(procedure?.note?.map((n) => n.text)).toEqual(
      expect.arrayContaining([
        'Treated despite NSAID_WITHIN_7_DAYS (verdict defer), overridden by the clinician: Prescriber agreed',
        'Addendum: Small bruise next day.',
      ]),
    );
    const summary = await practitioner.inject({ method: 'GET', url: `/api/courses/${session.courseId}/summary.pdf` });
    expect(summary.statusCode).toBe(200);
    const { flat } = await extractPdf(summary.rawPayload);
    expect(flat).toContain('overridden by the clinician: Prescriber agreed');
    expect(flat).toContain('Addendum: Small bruise next day.');
    expect(flat).toContain('Dr Pia Practitioner');
  });

  it('applies the same gate to marking a session done, and a chart written later keeps that override', async () => {
    const scheduledAt = hoursAgo(3);
    const patient = await newPatient({
      medications: [{ name: 'ibuprofen', class: 'nsaid', lastDose: addDays(dateOf(scheduledAt), -3) }],
    });
    const session = await sessionOf(patient, scheduledAt);
    const url = `/api/sessions/${session.id}`;
    const refused = await practitioner.inject({ method: 'PATCH', url, payload: { status: 'done' } });
    expect(refused.statusCode, refused.body).toBe(409);
    expect(refused.json()).toMatchObject({
      error: 'treatment_blocked',
      verdict: 'defer',
      overridable: true,
      reasons: [{ code: 'NSAID_WITHIN_7_DAYS' }],
    });
    const blank = await practitioner.inject({
      method: 'PATCH',
      url,
      payload: { status: 'done', override: { reason: '' } },
    });
    expect(blank.json().problems).toEqual([{ field: 'override.reason', message: 'must not be empty' }]);
    const alone = await practitioner.inject({
      method: 'PATCH',
      url,
      payload: { durationMinutes: 30, override: { reason: 'No status' } },
    });
    expect(alone.json().problems).toEqual([{ field: 'override', message: 'only goes with status "done"' }]);
    expect(await storedFor(session.id)).toEqual(nothingStored);

    const done = await practitioner.inject({
      method: 'PATCH',
      url,
      payload: { status: 'done', override: { reason: 'Prescriber agreed' } },
    });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ status: 'done', override: { reason: 'Prescriber agreed', verdict: 'defer' } });
    const [stored] = await get().repos.charts.overridesOfSession(session.id);
    expect(stored).toMatchObject({
      chartEntryId: null,
      reason: 'Prescriber agreed',
      verdict: 'defer',
      reasons: ['NSAID_WITHIN_7_DAYS'],
    });
    expect(await auditOf(patient.id)).toEqual(
      expect.arrayContaining([`update treatment_session ${session.id}`, `create treatment_override ${stored?.id}`]),
    );

    const charted = await chart(practitioner, session.id);
    expect(charted.statusCode, charted.body).toBe(201);
    expect(charted.json().chart.override).toMatchObject({ id: stored?.id, reason: 'Prescriber agreed' });
    expect((await storedFor(session.id)).overrides).toBe(1);

    // Contraindicated and future sessions cannot be marked done at all; an eligible past one can.
    const pregnant = await sessionOf(await newPatient({ pregnant: true }));
    const contraindicated = await practitioner.inject({
      method: 'PATCH',
      url: `/api/sessions/${pregnant.id}`,
      payload: { status: 'done', override: { reason: 'x' } },
    });
    expect(contraindicated.json()).toMatchObject({ error: 'treatment_blocked', overridable: false });
    const ahead = await sessionOf(await newPatient(), daysAhead(5));
    expect(
      (
        await practitioner.inject({ method: 'PATCH', url: `/api/sessions/${ahead.id}`, payload: { status: 'done' } })
      ).json().reasons[0].code,
    ).toBe('SESSION_IN_FUTURE');
    for (const id of [pregnant.id, ahead.id]) expect(await storedFor(id)).toEqual(nothingStored);
    const eligible = await sessionOf(await newPatient());
    expect(
      (await practitioner.inject({ method: 'PATCH', url: `/api/sessions/${eligible.id}`, payload: { status: 'done' } }))
        .statusCode,
    ).toBe(200);
  });
});
