import { beforeAll, expect, it } from 'vitest';
import { forEachApp, type TestClient } from '../../../test-support/test-app.js';
import { signedInWithSessions } from './test-support/test-course.js';

const DAY_HOURS = 24;

/** The structured report: ticked symptom codes, the patient's words as a supplement, onset in days. */
forEachApp('side-effect reports with ticked symptoms', (get) => {
  let practitioner: TestClient;
  let patient: TestClient;
  let reception: TestClient;
  /** The fixture patient's sessions: 15 days ago, 3 hours ago, 22 days ago. */
  let fortnight: string;
  let today: string;
  let threeWeeks: string;

  beforeAll(async () => {
    ({
      practitioner,
      patient,
      reception,
      own: [fortnight = '', today = '', threeWeeks = ''],
    } = await signedInWithSessions(get(), [15 * DAY_HOURS, 3, 22 * DAY_HOURS]));
  });

  /** A report, mild and ongoing unless `payload` says otherwise. */
  const report = (client: TestClient, sessionId: string, payload: object) =>
    client.inject({
      method: 'POST',
      url: `/api/sessions/${sessionId}/side-effects`,
      payload: { severity: 'mild', ongoing: true, ...payload },
    });
  const count = async (sessionId: string) =>
    (await practitioner.inject({ method: 'GET', url: `/api/sessions/${sessionId}/side-effects` })).json().reports
      .length as number;

  it('a lump ticked two weeks after the session is urgent, stored with its symptoms, days and reporter', async () => {
    const response = await report(patient, fortnight, { symptoms: ['lump_nodule', 'lump_nodule'], onsetDays: 14 });
    expect(response.statusCode).toBe(201);
    const body = response.json();
    expect(body).toMatchObject({
      symptoms: ['lump_nodule'],
      symptom: '',
      onsetDays: 14,
      reportedBy: 'patient',
      reporterUserId: patient.user.id,
      codes: [],
    });
    expect(body.triage.level).toBe('urgent');
    expect(body.triage.findings).toMatchObject([{ code: 'nodule_or_abscess', signs: ['lump_nodule'] }]);
    expect(body.triage.why.join(' ')).toMatch(/today/);
    expect(body.triage.sources.length).toBeGreaterThan(0);
    // The onset instant: the session's time plus the days given.
    const session = await get().repos.treatmentSessions.findById(fortnight);
    expect(Date.parse(body.onset) - Date.parse(session!.scheduledAt)).toBe(14 * 86_400_000);

    const again = (await patient.inject({ method: 'GET', url: `/api/side-effects/${body.id}` })).json();
    expect(again).toMatchObject({ symptoms: ['lump_nodule'], onsetDays: 14, reportedBy: 'patient' });
  });

  it('swelling that starts three weeks after a session is urgent, swelling on the day is expected', async () => {
    const late = await report(patient, threeWeeks, { symptoms: ['swelling'], onsetDays: 21 });
    expect(late.json().triage.level).toBe('urgent');
    const early = await report(patient, today, { symptoms: ['swelling'], onsetDays: 0 });
    expect(early.json().triage.level).toBe('expected');
  });

  it('words the patient denies do not raise the triage, and do not lower what was ticked', async () => {
    const words = await report(patient, today, { symptom: 'no lumps, just mild redness', onsetDays: 0 });
    expect(words.statusCode).toBe(201);
    expect(words.json()).toMatchObject({
      symptom: 'no lumps, just mild redness',
      symptoms: [],
      triage: { level: 'expected', findings: [{ code: 'redness' }] },
    });
    const ticked = await report(patient, today, {
      symptoms: ['discharge'],
      symptom: 'no lumps, just mild redness',
      onsetDays: 0,
    });
    expect(ticked.json().triage.level).toBe('urgent');
    const free = await report(patient, fortnight, {
      symptom: 'a draining cyst on my cheek',
      onsetDays: 12,
      severity: 'moderate',
    });
    expect(free.json().triage.level).toBe('urgent');
  });

  it('a clinician records a report for the patient, marked as made by staff; so may reception', async () => {
    const response = await report(practitioner, fortnight, {
      symptoms: ['redness', 'fever'],
      symptom: 'Phoned in: feels hot and shivery',
      onsetDays: 13,
      severity: 'moderate',
    });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({
      reportedBy: 'staff',
      reporterUserId: practitioner.user.id,
      symptoms: ['redness', 'fever'],
      triage: { level: 'urgent' },
    });
    const attention = (await practitioner.inject({ method: 'GET', url: '/api/side-effects?level=urgent' })).json()
      .reports;
    expect(attention.find((r: { id: string }) => r.id === response.json().id)).toMatchObject({
      reportedBy: 'staff',
      onsetDays: 13,
    });
    const desk = await report(reception, fortnight, { symptoms: ['redness'], onsetDays: 0, reportedVia: 'in_person' });
    expect(desk.statusCode).toBe(201);
    expect(desk.json()).toMatchObject({
      reportedBy: 'staff',
      reportedVia: 'in_person',
      reporterUserId: reception.user.id,
    });
  });

  it('with both an onset instant and days, the triage reads the days the patient gave', async () => {
    const response = await report(patient, threeWeeks, {
      symptoms: ['swelling'],
      onsetDays: 20,
      onset: new Date(Date.now() - 21 * 86_400_000).toISOString(),
      ongoing: false,
    });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({ onsetDays: 20, triage: { level: 'urgent' } });
  });

  it('older forms still work: an onset instant gives the days', async () => {
    const onset = new Date(Date.now() - 2 * 3_600_000).toISOString();
    const response = await report(patient, today, { symptom: 'Slight redness', codes: ['redness'], onset });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({
      onsetDays: 0,
      symptoms: [],
      codes: ['redness'],
      reportedBy: 'patient',
      triage: { level: 'expected' },
    });
  });

  it('refuses bad input naming the field, storing nothing', async () => {
    const before = await count(fortnight);
    const problems = async (payload: object) => {
      const response = await report(practitioner, fortnight, payload);
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
      return response.json().problems as { field: string; message: string }[];
    };
    expect(await problems({ symptoms: ['telepathy'], onsetDays: 1 })).toEqual([
      { field: 'symptoms[0]', message: 'unknown symptom "telepathy"' },
    ]);
    expect(await problems({ symptoms: ['redness', 'nodule_or_abscess'], onsetDays: 1 })).toEqual([
      { field: 'symptoms[1]', message: 'unknown symptom "nodule_or_abscess"' },
    ]);
    expect((await problems({ symptoms: ['Lump!'], onsetDays: 1 }))[0]?.field).toBe('symptoms[0]');
    expect((await problems({ symptoms: 'lump_nodule', onsetDays: 1 }))[0]?.field).toBe('symptoms');
    expect(await problems({ symptoms: ['redness'], onsetDays: -1 })).toEqual([
      { field: 'onsetDays', message: 'must be 0 or more' },
    ]);
    expect(await problems({ symptoms: ['redness'], onsetDays: 1.5 })).toEqual([
      { field: 'onsetDays', message: 'must be a whole number of days' },
    ]);
    expect(await problems({ symptoms: ['redness'], onsetDays: '2' })).toEqual([
      { field: 'onsetDays', message: 'must be a whole number of days' },
    ]);
    expect(await problems({ symptoms: ['redness'], onsetDays: 40 })).toEqual([
      { field: 'onsetDays', message: 'must not be later than today' },
    ]);
    expect(await problems({ symptoms: ['redness'] })).toEqual([
      { field: 'onsetDays', message: 'required: how many days after the session it began (0: the same day)' },
    ]);
    expect((await problems({ onsetDays: 1 }))[0]?.field).toBe('symptoms');
    expect((await problems({ symptoms: [], onsetDays: 1 }))[0]?.field).toBe('symptoms');
    expect((await problems({ symptoms: ['redness'], symptom: '   ', onsetDays: 1 }))[0]?.field).toBe('symptom');
    expect(await count(fortnight)).toBe(before);
  });
});
