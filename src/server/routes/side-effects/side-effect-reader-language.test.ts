import { beforeAll, expect, it } from 'vitest';
import type { KnowledgeBase } from '../../../core/knowledge/knowledge-base.js';
import { fill } from '../../../core/text/fill-template.js';
import { forEachApp, signInRoles, testKnowledgeLibrary, type TestClient } from '../../../test-support/test-app.js';
import { courseWithSessions } from './test-support/test-course.js';

const library = testKnowledgeLibrary();
const en = library.base;
const tr = library.for('tr');

interface Triage {
  level: string;
  why: string[];
  findings: { code: string; name: string; advice: string }[];
}
interface Report {
  id: string;
  triage: Triage | null;
}

/** The words a reader of `kb` reads for a lump after a session: urgent, whenever it starts. */
const lumpIn = (kb: KnowledgeBase) => {
  const effect = kb.sideEffects.get('nodule_or_abscess')!;
  return {
    level: 'urgent',
    why: [fill(kb.data.sideEffects.triage.warningUrgent, { name: effect.name })],
    findings: [{ code: effect.code, name: effect.name, advice: effect.advice }],
  };
};
const lump = { symptoms: ['lump_nodule'], onsetDays: 0, severity: 'moderate', ongoing: true };

/**
 * Each reader reads a side-effect report's triage in their own language, whoever made it and in
 * which: a Turkish patient reads in Turkish what staff took down in English, and an English-reading
 * practitioner reads in English what a Turkish patient reported. The level is the one triaged.
 */
forEachApp('side-effect reports in the reader’s language', (get) => {
  let clients: Record<'practitioner' | 'reception' | 'patient' | 'admin', TestClient>;
  let session: string;

  beforeAll(async () => {
    const test = get();
    clients = await signInRoles(test, ['practitioner', 'reception', 'patient', 'admin']);
    [session = ''] = (await courseWithSessions(test, clients.practitioner, test.fixture.patient, [24])).sessionIds;
    // The patient reads the portal in Turkish; the admin reads the workspace in Turkish.
    await test.repos.patients.update(test.fixture.patient.id, { preferredLanguage: 'tr' });
    const saved = await clients.admin.inject({
      method: 'PATCH',
      url: '/api/auth/me',
      payload: { preferredLanguage: 'tr' },
    });
    expect(saved.statusCode, saved.body).toBe(200);
  });

  const file = async (client: TestClient, payload: object): Promise<Report> => {
    const response = await client.inject({ method: 'POST', url: `/api/sessions/${session}/side-effects`, payload });
    expect(response.statusCode, response.body).toBe(201);
    return response.json() as Report;
  };
  const listed = async (client: TestClient, id: string): Promise<Triage | null | undefined> =>
    (
      (await client.inject({ method: 'GET', url: `/api/sessions/${session}/side-effects` })).json() as {
        reports: Report[];
      }
    ).reports.find((r) => r.id === id)?.triage;
  const detail = async (client: TestClient, id: string): Promise<Triage | null> => {
    const response = await client.inject({ method: 'GET', url: `/api/side-effects/${id}` });
    expect(response.statusCode, response.body).toBe(200);
    return (response.json() as Report).triage;
  };
  const queued = async (client: TestClient, id: string): Promise<Triage | null | undefined> =>
    (
      (await client.inject({ method: 'GET', url: '/api/side-effects?level=urgent&limit=200' })).json() as {
        reports: Report[];
      }
    ).reports.find((r) => r.id === id)?.triage;

  it('shows a report staff took down in English to the Turkish patient in Turkish, at the same level', async () => {
    const made = await file(clients.reception, { ...lump, reportedVia: 'phone' });
    expect(made.triage).toMatchObject(lumpIn(en));

    expect(await listed(clients.patient, made.id)).toMatchObject(lumpIn(tr));
    expect(await detail(clients.patient, made.id)).toMatchObject(lumpIn(tr));
    // English readers read it as it was given; what is stored is never rewritten.
    expect(await detail(clients.practitioner, made.id)).toMatchObject(lumpIn(en));
    const row = await get().repos.sideEffects.findReport(made.id);
    expect(row?.triage).toMatchObject({ ...lumpIn(en), language: 'en' });
  });

  it('shows a report the Turkish patient filed to English readers in English, Turkish readers in Turkish', async () => {
    const made = await file(clients.patient, { ...lump, symptom: 'şişlik var, irin yok' });
    const stored = made.triage!;
    expect(stored.findings.map((f) => f.code)).toEqual(['swelling', 'nodule_or_abscess']);
    expect(stored.findings.map((f) => f.advice)).toContain(tr.sideEffects.get('nodule_or_abscess')!.advice);
    expect(stored.why).toContain(lumpIn(tr).why[0]);

    for (const read of [listed, detail, queued]) {
      const english = (await read(clients.practitioner, made.id))!;
      expect(english.level).toBe(stored.level);
      expect(english.findings.map((f) => f.code)).toEqual(stored.findings.map((f) => f.code));
      expect(english.findings.map((f) => f.advice)).toEqual(
        stored.findings.map((f) => en.sideEffects.get(f.code)!.advice),
      );
      expect(english.why).toContain(lumpIn(en).why[0]);
      expect(english.why.at(-1)).toBe(fill(en.data.sideEffects.triage.denied, { terms: 'irin' }));
    }
    expect(await queued(clients.admin, made.id)).toEqual(stored);
    expect(await detail(clients.patient, made.id)).toEqual(stored);
    expect((await get().repos.sideEffects.findReport(made.id))?.triage).toMatchObject({ language: 'tr' });
  });

  it('shows a report stored before its reasons were kept exactly as stored, to every reader', async () => {
    const test = get();
    const old = {
      level: 'urgent',
      why: ['Stored before reasons were kept.'],
      findings: [{ ...lumpIn(en).findings[0], kind: 'warning', sources: [], citations: [] }],
      sources: [],
      citations: [],
    };
    const report = await test.repos.sideEffects.createReport({
      sessionId: session,
      reporterUserId: test.fixture.users.practitioner.id,
      symptom: 'lump',
      severity: 'moderate',
      triage: old,
    });
    for (const client of [clients.patient, clients.practitioner, clients.admin])
      expect(await detail(client, report.id)).toEqual(old);
    expect(await queued(clients.admin, report.id)).toEqual(old);
    expect(await listed(clients.patient, report.id)).toEqual(old);
  });
});
