import { beforeAll, expect, it } from 'vitest';
import type { LotRecord, PatientRecord, ProductRecord, TreatmentSessionRecord } from '../../../core/records/index.js';
import { makeIntake } from '../../../test-support/intake-builder.js';
import { forEachApp, signInRoles, type TestClient } from '../../../test-support/test-app.js';
import { auditedRecords, clinicAudit } from '../../../test-support/audited-records.js';
import { createSampleCourse, scalpPoint } from '../../../test-support/stored-records.js';
import { signatureImage } from '../../../test-support/sample-signature.js';
import { daysFromToday } from '../../../test-support/relative-dates.js';
import type { RecalledPatient } from './group-recipients.js';

forEachApp('lot recall', (get) => {
  let admin: TestClient;
  let practitioner: TestClient;
  let reception: TestClient;
  let patient: TestClient;
  let people: Record<'paula' | 'otto' | 'zara' | 'quinn' | 'nina', PatientRecord>;
  let lots: Record<'a' | 'b' | 'c' | 'unused', LotRecord>;
  let productId: string;
  /** Sessions by name: paula1 and paula2 used lot A, zara1 used A and C, the others not A. */
  const sessions: Record<string, TreatmentSessionRecord> = {};

  const plannedSession = async (of: PatientRecord, scheduledAt: string) => {
    const { repos, fixture } = get();
    const course = await createSampleCourse(repos, of.id, { createdBy: fixture.users.practitioner.id });
    return repos.treatmentSessions.create({ courseId: course.id, scheduledAt: new Date(scheduledAt).toISOString() });
  };
  const chart = (sessionId: string, points: object[]) =>
    practitioner.inject({
      method: 'POST',
      url: `/api/sessions/${sessionId}/chart`,
      payload: { anaesthesiaUsed: false, points },
    });
  const recallList = (client: TestClient, lot: LotRecord) =>
    client.inject({ method: 'GET', url: `/api/lots/${lot.id}/recall` });

  beforeAll(async () => {
    const { repos, fixture } = get();
    ({ admin, practitioner, reception, patient } = await signInRoles(get()));
    const newPatient = (firstName: string, lastName: string, phone: string | null) =>
      repos.patients.create({
        clinicId: fixture.clinic.id,
        firstName,
        lastName,
        birthDate: '1980-06-15',
        sex: 'other',
        phone,
        email: `${firstName.toLowerCase()}@example.test`,
      });
    people = {
      paula: fixture.patient,
      otto: fixture.otherPatient,
      zara: await newPatient('Zara', 'Zed', '+49 30 5550001'),
      quinn: await newPatient('Quinn', 'Quiet', null),
      nina: await newPatient('Nina', 'None', '+49 30 5550002'),
    };

    // Screened, with nothing against treatment: the treatment gate lets their past sessions be charted.
    for (const someone of Object.values(people))
      await repos.intakes.create({
        patientId: someone.id,
        data: makeIntake({
          patient: { birthDate: someone.birthDate, sex: someone.sex },
          request: { indication: 'hair_loss', area: 'scalp' },
        }),
        createdBy: fixture.users.practitioner.id,
      });
    const text = (
      await admin.inject({
        method: 'POST',
        url: '/api/consent-texts/mesotherapy/versions',
        payload: { text: 'Mesotherapy consent.' },
      })
    ).json();
    for (const someone of Object.values(people))
      await practitioner.inject({
        method: 'POST',
        url: `/api/patients/${someone.id}/consents`,
        payload: { consentTextId: text.id, typedName: someone.firstName, signatureImage },
      });

    const product = async (name: string, ingredient: string) =>
      (
        await practitioner.inject({
          method: 'POST',
          url: '/api/products',
          payload: { name, ingredients: [ingredient] },
        })
      ).json() as ProductRecord;
    const cocktail = await product('Hair cocktail', 'vitamin_b');
    const booster = await product('Skin booster', 'hyaluronic_acid');
    productId = cocktail.id;
    const lot = async (product: { id: string }, lotNumber: string) =>
      (
        await practitioner.inject({
          method: 'POST',
          url: `/api/products/${product.id}/lots`,
          payload: { lotNumber, expiryDate: daysFromToday(700), quantityMl: 20 },
        })
      ).json() as LotRecord;
    lots = {
      a: await lot(cocktail, 'A-100'),
      b: await lot(cocktail, 'B-200'),
      c: await lot(booster, 'C-300'),
      unused: await lot(booster, 'D-400'),
    };

    const charted: [string, PatientRecord, string, object[]][] = [
      [
        'paula1',
        people.paula,
        '2026-03-02T09:00:00Z',
        [scalpPoint(lots.a, 0.1), scalpPoint(lots.a, 0.2), scalpPoint(lots.a, 0.3)],
      ],
      ['paula2', people.paula, '2026-04-06T09:00:00Z', [scalpPoint(lots.a), scalpPoint(lots.b)]],
      ['otto1', people.otto, '2026-03-03T09:00:00Z', [scalpPoint(lots.b)]],
      ['zara1', people.zara, '2026-03-04T09:00:00Z', [scalpPoint(lots.c), scalpPoint(lots.a)]],
      ['quinn1', people.quinn, '2026-03-05T09:00:00Z', [scalpPoint(lots.c)]],
    ];
    for (const [name, who, at, points] of charted) {
      const session = await plannedSession(who, at);
      const response = await chart(session.id, points);
      if (response.statusCode !== 201) throw new Error(`charting ${name} failed: ${response.body}`);
      sessions[name] = session;
    }
    // Booked but not yet treated: nothing was injected.
    sessions.paulaPlanned = await plannedSession(people.paula, '2026-05-04T09:00:00Z');
  });

  const summary = (patients: RecalledPatient[]) =>
    Object.fromEntries(patients.map((p) => [p.patientId, p.sessions.map((s) => s.sessionId)]));
  const ids = (...names: string[]) => names.map((n) => sessions[n]?.id);

  it('returns exactly the patients who received the lot, each once with every session concerned', async () => {
    const response = await recallList(reception, lots.a);
    expect(response.statusCode).toBe(200);
    const body = response.json() as {
      lot: LotRecord;
      product: { id: string; name: string };
      patients: RecalledPatient[];
    };
    expect(body.lot).toMatchObject({ id: lots.a.id, lotNumber: 'A-100', recalled: false });
    expect(body.product).toMatchObject({ id: productId, name: 'Hair cocktail' });
    expect(summary(body.patients)).toEqual({
      [people.paula.id]: ids('paula1', 'paula2'),
      [people.zara.id]: ids('zara1'),
    });
    // By last name: Patient before Zed.
    expect(body.patients.map((p) => p.patientId)).toEqual([people.paula.id, people.zara.id]);
    expect(body.patients[0]).toEqual({
      patientId: people.paula.id,
      firstName: 'Paula',
      lastName: 'Patient',
      phone: '+49 30 1234567',
      email: people.paula.email,
      sessions: [
        { sessionId: sessions.paula1?.id, scheduledAt: '2026-03-02T09:00:00.000Z' },
        { sessionId: sessions.paula2?.id, scheduledAt: '2026-04-06T09:00:00.000Z' },
      ],
    });

    expect(summary((await recallList(practitioner, lots.b)).json().patients)).toEqual({
      [people.paula.id]: ids('paula2'),
      [people.otto.id]: ids('otto1'),
    });
    expect(summary((await recallList(admin, lots.c)).json().patients)).toEqual({
      [people.zara.id]: ids('zara1'),
      [people.quinn.id]: ids('quinn1'),
    });
    expect((await recallList(admin, lots.unused)).json().patients).toEqual([]);
  });

  it('audits the reading of every patient and session in the list', async () => {
    const { fixture } = get();
    await recallList(reception, lots.a);
    const entries = auditedRecords(
      await clinicAudit(get(), { userId: fixture.users.reception.id, action: 'read', limit: 50 }),
    );
    const seen = new Set(entries.map((e) => `${e.entity} ${e.entityId}`));
    for (const expected of [
      `patient ${people.paula.id}`,
      `patient ${people.zara.id}`,
      ...ids('paula1', 'paula2', 'zara1').map((id) => `treatment_session ${id}`),
    ])
      expect(seen).toContain(expected);
    expect(seen).not.toContain(`patient ${people.otto.id}`);
  });

  it('keeps the list from patients and the recall itself to admins', async () => {
    expect((await recallList(patient, lots.a)).statusCode).toBe(403);
    expect((await get().app.inject({ method: 'GET', url: `/api/lots/${lots.a.id}/recall` })).statusCode).toBe(401);
    expect((await reception.inject({ method: 'GET', url: '/api/lots/missing/recall' })).statusCode).toBe(404);
    for (const client of [practitioner, reception, patient])
      expect((await client.inject({ method: 'POST', url: `/api/lots/${lots.a.id}/recall` })).statusCode).toBe(403);
    expect((await admin.inject({ method: 'POST', url: '/api/lots/missing/recall' })).statusCode).toBe(404);
    expect((await get().repos.products.findLot(lots.a.id))?.recalled).toBe(false);
  });

  it('recalls a lot once; it can then no longer be charted, and its list stays the same', async () => {
    const recalled = await admin.inject({ method: 'POST', url: `/api/lots/${lots.a.id}/recall` });
    expect(recalled.statusCode).toBe(200);
    expect(recalled.json()).toMatchObject({ id: lots.a.id, recalled: true, recalledAt: expect.any(String) });
    const again = await admin.inject({ method: 'POST', url: `/api/lots/${lots.a.id}/recall` });
    expect(again.json().recalledAt).toBe(recalled.json().recalledAt);

    const planned = sessions.paulaPlanned?.id ?? '';
    const refused = await chart(planned, [scalpPoint(lots.b), scalpPoint(lots.a)]);
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({
      error: 'lot_unusable',
      message: expect.stringContaining('lot A-100 of Hair cocktail is recalled'),
    });
    expect((await get().repos.treatmentSessions.findById(planned))?.status).toBe('planned');
    expect(await get().repos.charts.findBySession(planned)).toBeUndefined();

    const after = (await recallList(reception, lots.a)).json();
    expect(after.lot.recalled).toBe(true);
    expect(summary(after.patients)).toEqual({
      [people.paula.id]: ids('paula1', 'paula2'),
      [people.zara.id]: ids('zara1'),
    });
  });
});
