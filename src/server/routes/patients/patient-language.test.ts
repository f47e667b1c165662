import { beforeAll, expect, it } from 'vitest';
import { defaultMessageTiming } from '../../../core/messages/message-timing.js';
import { scheduleSessionMessages } from '../../../services/messaging/schedule-session-messages.js';
import { bookHealthyCourse } from '../../../test-support/stored-records.js';
import { forEachApp, signInRoles, testKnowledgeLibrary, type TestClient } from '../../../test-support/test-app.js';

const library = testKnowledgeLibrary();
const turkish = library.for('tr');
const turkishAftercare = new Map(turkish.data.aftercare.aftercare.map((i) => [i.code, i.text]));
const turkishPreparation = new Map(turkish.data.preparation.preparation.map((i) => [i.code, i.text]));

forEachApp('a patient’s language', (get) => {
  let admin: TestClient;
  let reception: TestClient;
  let portal: TestClient;
  let sessionId: string;

  beforeAll(async () => {
    ({ admin, reception, patient: portal } = await signInRoles(get(), ['admin', 'reception', 'patient']));
    const { patient } = get().fixture;
    // A course booked a month ahead, its plan stored in English, with its messages queued.
    const start = new Date(Date.now() + 30 * 86_400_000).toISOString();
    [sessionId = ''] = await bookHealthyCourse(get().repos, patient, library.base, [start]);
    const session = await get().repos.treatmentSessions.findById(sessionId);
    if (!session) throw new Error('the session was just booked');
    await get().repos.transaction((tx) => scheduleSessionMessages(tx, session, get().app.appConfig.messaging, library));
  });

  const register = (payload: object) =>
    reception.inject({
      method: 'POST',
      url: '/api/patients',
      payload: { firstName: 'Elif', lastName: 'Kaya', birthDate: '1993-02-01', ...payload },
    });

  it('takes a new patient’s language from the form, else the clinic’s, and refuses one it does not have', async () => {
    const refused = await register({ preferredLanguage: 'de' });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().problems).toEqual([{ field: 'preferredLanguage', message: 'must be one of: en, tr' }]);
    expect((await register({ preferredLanguage: 'tr' })).json().preferredLanguage).toBe('tr');
    expect((await register({})).json().preferredLanguage).toBe('en');

    const { clinic } = get().fixture;
    await get().repos.messageTemplates.saveSettings(clinic.id, { language: 'tr', timing: { ...defaultMessageTiming } });
    try {
      expect((await register({})).json().preferredLanguage).toBe('tr');
      expect((await register({ preferredLanguage: 'en' })).json().preferredLanguage).toBe('en');
    } finally {
      await get().repos.messageTemplates.saveSettings(clinic.id, {
        language: 'en',
        timing: { ...defaultMessageTiming },
      });
    }
  });

  it('lets the clinic change a patient’s language on the record, refusing one it does not have', async () => {
    const url = `/api/patients/${get().fixture.otherPatient.id}`;
    for (const wrong of ['xx', 7]) {
      const refused = await reception.inject({ method: 'PATCH', url, payload: { preferredLanguage: wrong } });
      expect(refused.statusCode, JSON.stringify(wrong)).toBe(400);
      expect(refused.json().problems[0].field).toBe('preferredLanguage');
    }
    const changed = await reception.inject({ method: 'PATCH', url, payload: { preferredLanguage: 'tr' } });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json().preferredLanguage).toBe('tr');
    expect((await admin.inject({ method: 'GET', url })).json().preferredLanguage).toBe('tr');
  });

  it('writes the patient’s portal plan and waiting messages in their language once it changes', async () => {
    const { patient } = get().fixture;
    const waiting = async () =>
      (await get().repos.outbox.listBySession(sessionId)).filter((m) => m.status === 'pending');
    const aftercare = async () => (await waiting()).find((m) => m.kind === 'aftercare')?.body ?? '';
    const course = (await get().repos.courses.listByPatient(patient.id))[0];
    const codes = course?.plan.aftercare.map((i) => i.code) ?? [];
    expect(codes.length).toBeGreaterThan(0);
    expect(await aftercare()).toContain(course?.plan.aftercare[0]?.text);

    const changed = await admin.inject({
      method: 'PATCH',
      url: `/api/patients/${patient.id}`,
      payload: { preferredLanguage: 'tr' },
    });
    expect(changed.statusCode, changed.body).toBe(200);
    const body = await aftercare();
    for (const code of codes) expect(body).toContain(turkishAftercare.get(code));
    expect(body).toContain(turkish.data.aftercare.lateSigns.intro);
    expect(body).not.toContain(course?.plan.aftercare[0]?.text);

    const plan = (await portal.inject({ method: 'GET', url: '/api/portal/plan' })).json();
    const shown = plan.courses.flatMap((c: { sessions: { preparation: { code: string; text: string }[] }[] }) =>
      c.sessions.flatMap((s) => s.preparation),
    );
    expect(shown.length).toBeGreaterThan(0);
    for (const step of shown) expect(step.text).toBe(turkishPreparation.get(step.code));
    expect(plan.courses[0].indicationName).toBe(turkish.indications.get(plan.courses[0].indication)?.name);

    // The course as the portal reads it (its aftercare countdown): the plan's texts in Turkish too.
    const courses = (await portal.inject({ method: 'GET', url: `/api/patients/${patient.id}/courses` })).json()
      .courses as { plan: { aftercare: { code: string; text: string }[] } }[];
    const own = courses.flatMap((c) => c.plan.aftercare);
    expect(own.length).toBeGreaterThan(0);
    for (const item of own) expect(item.text).toBe(turkishAftercare.get(item.code));
    // Stored as it was: only the reading is in Turkish.
    expect((await get().repos.courses.listByPatient(patient.id))[0]?.plan.aftercare).toEqual(course?.plan.aftercare);

    await admin.inject({ method: 'PATCH', url: `/api/patients/${patient.id}`, payload: { preferredLanguage: 'en' } });
    expect(await aftercare()).toContain(course?.plan.aftercare[0]?.text);
  });
});
