import { beforeAll, expect, it } from 'vitest';
import { forEachApp, signInRoles, type TestClient } from '../../../test-support/test-app.js';
import { courseWithSessions } from './test-support/test-course.js';

/**
 * A report's words are read in every language of the knowledge base, whoever types them: a member of
 * staff who reads English and takes down a Turkish patient's words by phone gets the same urgency as
 * the words typed in English.
 */
forEachApp('side-effect reports in Turkish words', (get) => {
  let clients: Record<'practitioner' | 'reception', TestClient>;
  /** A session of the fixture patient a day ago. */
  let session: string;

  beforeAll(async () => {
    const test = get();
    clients = await signInRoles(test, ['practitioner', 'reception']);
    [session = ''] = (await courseWithSessions(test, clients.practitioner, test.fixture.patient, [24])).sessionIds;
  });

  const report = (client: TestClient, symptom: string, reportedVia?: string) =>
    client.inject({
      method: 'POST',
      url: `/api/sessions/${session}/side-effects`,
      payload: { symptom, onsetDays: 0, severity: 'moderate', ongoing: true, ...(reportedVia ? { reportedVia } : {}) },
    });

  it('reads Turkish words taken down by staff who read English: pus is urgent, with the advice in English', async () => {
    const phone = await report(clients.reception, 'İrin geliyor', 'phone');
    expect(phone.statusCode, phone.body).toBe(201);
    const { triage } = phone.json() as { triage: { level: string; findings: { code: string; name: string }[] } };
    expect(triage.level).toBe('urgent');
    expect(triage.findings.map((f) => [f.code, f.name])).toEqual([
      ['nodule_or_abscess', 'Lumps, pustules, sores or discharge'],
    ]);
  });

  it('reads a denial in Turkish the same way, and typed without Turkish letters', async () => {
    const response = await report(clients.reception, 'irin yok, sadece biraz KIZARIKLIK', 'phone');
    expect(response.statusCode, response.body).toBe(201);
    const { triage } = response.json() as { triage: { level: string; findings: { code: string }[] } };
    expect(triage.findings.map((f) => f.code)).toEqual(['redness']);
    expect(triage.level).toBe('expected');
  });
});
