import { beforeAll, expect, it } from 'vitest';
import { parseCsvRecords } from '../../../interop/test-support/parse-csv.js';
import { forEachApp, testKnowledgeBase, type TestClient } from '../../../test-support/test-app.js';
import {
  seedInteropFixture,
  type InteropPatientRecords,
} from '../../../services/documents/test-support/interop-records.js';
import { auditedRecords, clinicAudit } from '../../../test-support/audited-records.js';

forEachApp('report routes', (get) => {
  let own: InteropPatientRecords;
  let admin: TestClient;

  beforeAll(async () => {
    ({ own } = await seedInteropFixture(get().repos, testKnowledgeBase(), get().fixture));
    admin = await get().signIn('admin');
  });

  const csv = async (url: string) => {
    const response = await admin.inject({ method: 'GET', url });
    expect(response.statusCode, response.body.slice(0, 300)).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['cache-control']).toBe('no-store');
    return { response, rows: parseCsvRecords(response.body) };
  };

  it('lists every session of the clinic, without names unless asked, and audits each patient read', async () => {
    const { response, rows } = await csv('/api/reports/sessions.csv');
    expect(response.headers['content-disposition']).toMatch(
      /^attachment; filename="sessions-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}Z\.csv"$/,
    );
    expect(response.body.startsWith('\uFEFFsession_id,')).toBe(true);
    expect(rows).toHaveLength(8);
    const done = rows.find((r) => r.session_id === own.doneSession.id);
    expect(done).toMatchObject({
      patient_id: get().fixture.patient.id,
      indication: 'hair_loss',
      status: 'done',
      charted: 'yes',
      lot_numbers: 'LOT-TR-A; LOT-TR-B',
      products: 'Saç Kokteyli',
      side_effect_reports: '1',
      patient_rating: '4',
    });
    expect(done).not.toHaveProperty('patient_name');
    const named = await csv('/api/reports/sessions.csv?names=true');
    expect(named.rows.find((r) => r.session_id === own.doneSession.id)?.patient_name).toBe('Paula Patient');

    const audited = auditedRecords(await clinicAudit(get(), { entity: 'clinic_report', limit: 50 }));
    expect(new Set(audited.filter((a) => a.entityId === 'sessions').map((a) => a.patientId))).toEqual(
      new Set([get().fixture.patient.id, get().fixture.otherPatient.id]),
    );
  });

  it('counts side effects by product and lot, recalls included', async () => {
    const { rows } = await csv('/api/reports/side-effects-by-lot.csv');
    const lotA = rows.find((r) => r.lot_number === 'LOT-TR-A');
    expect(lotA).toMatchObject({
      product: 'Saç Kokteyli',
      manufacturer: 'Örnek İlaç A.Ş.',
      sessions_using_lot: '2',
      side_effect_reports: '2',
      recalled: 'no',
    });
    expect(rows.find((r) => r.lot_number === 'LOT-TR-B')?.recalled).toBe('yes');
    expect(lotA?.symptoms).toBe('şişlik ve kızarıklık');
  });

  it('summarises outcomes by indication', async () => {
    const { rows } = await csv('/api/reports/outcomes-by-indication.csv');
    expect(rows).toEqual([
      expect.objectContaining({
        indication: 'hair_loss',
        patients: '2',
        courses: '2',
        sessions_done: '2',
        outcomes_recorded: '2',
        patient_rating_mean: '4',
      }),
    ]);
  });

  it('is for the clinic’s admins only, and names a wrong table', async () => {
    for (const role of ['practitioner', 'reception', 'patient'] as const)
      expect(
        (await (await get().signIn(role)).inject({ method: 'GET', url: '/api/reports/sessions.csv' })).statusCode,
        role,
      ).toBe(403);
    expect((await get().app.inject({ method: 'GET', url: '/api/reports/sessions.csv' })).statusCode).toBe(401);
    const wrong = await admin.inject({ method: 'GET', url: '/api/reports/patients.csv' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().problems[0].field).toBe('table');
    expect(
      (await admin.inject({ method: 'GET', url: '/api/reports/sessions.csv?names=1' })).json().problems[0].field,
    ).toBe('names');

    const stranger = await get().signInElsewhere();
    const theirs = parseCsvRecords((await stranger.inject({ method: 'GET', url: '/api/reports/sessions.csv' })).body);
    expect(theirs).toEqual([]);
  });
});
