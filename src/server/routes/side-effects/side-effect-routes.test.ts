import { beforeAll, expect, it } from 'vitest';
import { forEachApp, type TestClient } from '../../../test-support/test-app.js';
import { hoursAgo, signedInWithSessions } from './test-support/test-course.js';

forEachApp('side-effect routes', (get) => {
  let practitioner: TestClient;
  let patient: TestClient;
  let reception: TestClient;
  /** The fixture patient's sessions: 3 hours ago (charted with two lots), 2 days ago, tomorrow. */
  let recent: string;
  let earlier: string;
  let tomorrow: string;
  let othersSession: string;

  beforeAll(async () => {
    const { fixture, repos } = get();
    ({
      practitioner,
      patient,
      reception,
      own: [recent = '', earlier = '', tomorrow = ''],
      others: [othersSession = ''],
    } = await signedInWithSessions(get(), [3, 48, -24], [3]));

    const product = await repos.products.createProduct({
      clinicId: fixture.clinic.id,
      name: 'Hair cocktail',
      ingredients: ['biotin'],
    });
    const lots = [
      await repos.products.createLot({ productId: product.id, lotNumber: 'B-2', expiryDate: '2027-06-30' }),
      await repos.products.createLot({ productId: product.id, lotNumber: 'A-1', expiryDate: '2027-06-30' }),
    ];
    const point = {
      area: 'scalp',
      x: 0.5,
      y: 0.5,
      productId: product.id,
      volumeMl: 0.1,
      depthMm: 1,
      technique: 'manual' as const,
    };
    await repos.charts.create({
      sessionId: recent,
      anaesthesiaUsed: false,
      createdBy: fixture.users.practitioner.id,
      points: [
        { ...point, lotId: lots[0]?.id ?? null },
        { ...point, lotId: lots[1]?.id ?? null },
        { ...point, lotId: lots[1]?.id ?? null },
      ],
    });
  });

  const report = (client: TestClient, sessionId: string, payload: object) =>
    client.inject({ method: 'POST', url: `/api/sessions/${sessionId}/side-effects`, payload });
  const redness = {
    symptom: 'Slight redness where the needle went in',
    onset: hoursAgo(2),
    severity: 'mild',
    ongoing: true,
  };
  const infection = {
    symptom: 'There is pus and I have a fever',
    onset: hoursAgo(1),
    severity: 'moderate',
    ongoing: true,
  };

  it('triages each report from the knowledge base and links it to the lots charted in the session', async () => {
    const expected = await report(patient, recent, redness);
    expect(expected.statusCode).toBe(201);
    expect(expected.json()).toMatchObject({
      sessionId: recent,
      patientId: get().fixture.patient.id,
      reporterUserId: patient.user.id,
      severity: 'mild',
      ongoing: true,
      codes: [],
      photos: [],
    });
    expect(expected.json().triage).toMatchObject({ level: 'expected', findings: [{ code: 'redness' }] });
    expect(expected.json().triage.sources.length).toBeGreaterThan(0);
    expect(
      expected.json().lots.map((l: { lotNumber: string; productName: string }) => `${l.productName} ${l.lotNumber}`),
    ).toEqual(['Hair cocktail A-1', 'Hair cocktail B-2']);

    const urgent = await report(practitioner, recent, infection);
    expect(urgent.statusCode).toBe(201);
    expect(urgent.json().triage.level).toBe('urgent');
    expect(urgent.json().triage.why.join(' ')).toMatch(/today/);

    const coded = await report(practitioner, earlier, {
      ...redness,
      symptom: 'Hard to describe',
      codes: ['scarring', 'scarring'],
      onset: hoursAgo(40),
    });
    expect(coded.json()).toMatchObject({ codes: ['scarring'], lots: [], triage: { level: 'review' } });
  });

  it('lists a session’s reports, newest first, for clinicians and the patient, not reception', async () => {
    const url = `/api/sessions/${recent}/side-effects`;
    const list = (await patient.inject({ method: 'GET', url })).json().reports;
    expect(list.map((r: { triage: { level: string } }) => r.triage.level)).toEqual(['urgent', 'expected']);
    expect(list[0].lots).toHaveLength(2);
    expect((await practitioner.inject({ method: 'GET', url })).statusCode).toBe(200);
    expect((await reception.inject({ method: 'GET', url })).statusCode).toBe(403);
    expect(
      (await patient.inject({ method: 'GET', url: `/api/sessions/${othersSession}/side-effects` })).statusCode,
    ).toBe(404);

    const one = await patient.inject({ method: 'GET', url: `/api/side-effects/${list[1].id}` });
    expect(one.json()).toMatchObject({ id: list[1].id, symptom: redness.symptom });
    expect((await reception.inject({ method: 'GET', url: `/api/side-effects/${list[1].id}` })).statusCode).toBe(403);
    expect((await practitioner.inject({ method: 'GET', url: '/api/side-effects/nope' })).statusCode).toBe(404);
  });

  it('lets patients report only for their own sessions, and reception record one without reading any back', async () => {
    const before = (
      await practitioner.inject({ method: 'GET', url: `/api/sessions/${othersSession}/side-effects` })
    ).json().reports.length;
    const refused = await report(patient, othersSession, redness);
    expect(refused.statusCode).toBe(404);
    const byPhone = await report(reception, earlier, { ...redness, onset: hoursAgo(40), reportedVia: 'phone' });
    expect(byPhone.statusCode).toBe(201);
    expect(byPhone.json()).toMatchObject({ reportedBy: 'staff', reportedVia: 'phone', triage: { level: 'expected' } });
    expect((await reception.inject({ method: 'GET', url: `/api/sessions/${earlier}/side-effects` })).statusCode).toBe(
      403,
    );
    expect(
      (await get().app.inject({ method: 'POST', url: `/api/sessions/${recent}/side-effects`, payload: redness }))
        .statusCode,
    ).toBe(401);
    expect(
      (await practitioner.inject({ method: 'GET', url: `/api/sessions/${othersSession}/side-effects` })).json().reports,
    ).toHaveLength(before);
  });

  it('refuses bad input naming the field, and sessions that did not take place, storing nothing', async () => {
    const problems = async (payload: object) => (await report(practitioner, recent, payload)).json().problems;
    expect(await problems({ ...redness, severity: 'terrible' })).toEqual([
      { field: 'severity', message: 'must be one of: mild, moderate, severe' },
    ]);
    expect((await problems({ ...redness, onset: 'yesterday' }))[0].field).toBe('onset');
    expect(await problems({ ...redness, onset: hoursAgo(-2) })).toEqual([
      { field: 'onset', message: 'must not be in the future' },
    ]);
    expect(await problems({ ...redness, onset: hoursAgo(30) })).toEqual([
      { field: 'onset', message: 'must not be before the session' },
    ]);
    expect(await problems({ ...redness, codes: ['telepathy'] })).toEqual([
      { field: 'codes', message: 'unknown side effect "telepathy"' },
    ]);
    expect((await problems({ ...redness, codes: 'redness' }))[0].field).toBe('codes');
    expect((await problems({ ...redness, symptom: '  ' }))[0].field).toBe('symptom');
    expect(await problems({ symptom: 'x', onset: hoursAgo(1), severity: 'mild' })).toEqual([
      { field: 'ongoing', message: 'must be true or false' },
    ]);

    const future = await report(practitioner, tomorrow, redness);
    expect(future.statusCode).toBe(409);
    expect(future.json().error).toBe('session_not_held');
    await get().repos.treatmentSessions.update(earlier, { status: 'cancelled' });
    expect((await report(practitioner, earlier, { ...redness, onset: hoursAgo(40) })).statusCode).toBe(409);
    expect((await report(practitioner, 'missing', redness)).statusCode).toBe(404);
    expect(
      (await practitioner.inject({ method: 'GET', url: `/api/sessions/${recent}/side-effects` })).json().reports,
    ).toHaveLength(2);
  });

  it("lists the clinic's reports needing attention, newest first, with the patient's name", async () => {
    await report(practitioner, othersSession, { ...infection, symptom: 'fever since last night' });
    const urgent = await practitioner.inject({ method: 'GET', url: '/api/side-effects?level=urgent' });
    expect(urgent.statusCode).toBe(200);
    const entries = urgent.json().reports;
    expect(entries.map((e: { patient: { lastName: string } }) => e.patient.lastName)).toEqual(['Other', 'Patient']);
    expect(entries[1]).toMatchObject({
      patient: { firstName: 'Paula', lastName: 'Patient' },
      triage: { level: 'urgent' },
      sessionId: recent,
    });
    expect(entries[1].sessionAt).toEqual(expect.any(String));

    const review = (await practitioner.inject({ method: 'GET', url: '/api/side-effects?level=review' })).json().reports;
    expect(review.map((e: { codes: string[] }) => e.codes)).toEqual([['scarring']]);
    const both = (await (await get().signIn('admin')).inject({ method: 'GET', url: '/api/side-effects' })).json()
      .reports;
    expect(both).toHaveLength(3);
    expect(
      (await practitioner.inject({ method: 'GET', url: '/api/side-effects?limit=1&offset=1' })).json().reports[0].id,
    ).toBe(both[1].id);

    expect(
      (await practitioner.inject({ method: 'GET', url: '/api/side-effects?level=expected' })).json().problems[0].field,
    ).toBe('level');
    expect((await patient.inject({ method: 'GET', url: '/api/side-effects' })).statusCode).toBe(403);
    expect((await reception.inject({ method: 'GET', url: '/api/side-effects' })).statusCode).toBe(403);

    const outsider = await get().signInElsewhere('practitioner');
    expect((await outsider.inject({ method: 'GET', url: '/api/side-effects' })).json().reports).toEqual([]);
    expect((await outsider.inject({ method: 'GET', url: `/api/side-effects/${both[0].id}` })).statusCode).toBe(404);
  });

  it('audits every report written and read', async () => {
    const entries = await get().repos.audit.list({
      clinicId: get().fixture.clinic.id,
      patientId: get().fixture.patient.id,
      limit: 200,
      offset: 0,
    });
    const actions = new Set(
      entries.filter((e) => e.entity === 'side_effect_report').map((e) => `${e.action} ${e.route}`),
    );
    expect(actions).toContain('create POST /api/sessions/:id/side-effects');
    expect(actions).toContain('read GET /api/sessions/:id/side-effects');
    expect(actions).toContain('read GET /api/side-effects/:id');
    expect(actions).toContain('read GET /api/side-effects');
  });
});
