import { expect, it } from 'vitest';
import { createRepositories } from '../storage/repositories/repositories.js';
import { signInClient, testAppConfig, testKnowledgeBase, testPasswordHashing } from '../test-support/test-app.js';
import { forEachEngine, testEngines } from '../test-support/test-databases.js';
import { argon2idHasher } from '../services/accounts/password-hasher.js';
import { buildApp } from './build-app.js';
import { describeFirstStart, prepareFirstStart } from './first-start.js';

const hasher = argon2idHasher(testPasswordHashing);

forEachEngine('first start with demo data', (getDb) => {
  it('seeds the demo clinic once, and its logins work', async () => {
    const db = getDb();
    const repos = createRepositories(db);
    const start = await prepareFirstStart(repos, {
      config: {},
      hasher,
      knowledgeBase: testKnowledgeBase(),
      today: '2026-11-22',
    });
    if (start.kind !== 'demo') throw new Error(`expected the demo seed, got ${start.kind}`);
    expect(start.logins.map((l) => l.role).sort()).toEqual(['admin', 'practitioner', 'practitioner', 'reception']);
    expect(new Set(start.logins.map((l) => l.password)).size).toBe(4);
    expect(describeFirstStart(start).join('\n')).toContain(start.logins[0]?.password);
    expect((await prepareFirstStart(repos, { config: {}, hasher, knowledgeBase: testKnowledgeBase() })).kind).toBe(
      'existing',
    );

    const app = await buildApp({ db, knowledgeBase: testKnowledgeBase(), config: testAppConfig() });
    try {
      const login = start.logins.find((l) => l.role === 'practitioner');
      if (!login) throw new Error('no practitioner login');
      const client = await signInClient(app, login.email, login.password);
      const patients = (await client.inject({ method: 'GET', url: '/api/patients' })).json().patients as {
        id: string;
        lastName: string;
      }[];
      expect(patients.length).toBeGreaterThanOrEqual(5);

      const verdicts = new Set<string>();
      let sessions = 0;
      for (const p of patients) {
        const intakes = (await client.inject({ method: 'GET', url: `/api/patients/${p.id}/intakes` })).json().intakes;
        expect(intakes.length).toBeGreaterThan(0);
        verdicts.add(intakes[0].assessment.verdict);
        sessions += (await client.inject({ method: 'GET', url: `/api/patients/${p.id}/sessions` })).json().sessions
          .length;
      }
      expect(verdicts).toContain('eligible');
      expect(verdicts).toContain('contraindicated');
      expect(sessions).toBeGreaterThan(5);

      const clinicId = client.user.clinicId;
      expect((await repos.products.listProducts(clinicId)).length).toBeGreaterThan(1);
      expect(await repos.consent.findActiveText(clinicId, 'mesotherapy')).toBeDefined();
      expect((await repos.users.list(clinicId, { role: 'practitioner' })).length).toBe(2);
    } finally {
      await app.close();
    }
  });
});

it.each(testEngines)('first start with MESODESK_ADMIN_EMAIL creates only the admin [$engine]', async (engine) => {
  const { db, destroy } = await engine.create();
  try {
    const repos = createRepositories(db);
    const start = await prepareFirstStart(repos, {
      config: { firstAdmin: { email: 'Boss@Clinic.example', password: 'a long secret', clinicName: 'Skin & Hair' } },
      hasher,
      knowledgeBase: testKnowledgeBase(),
    });
    expect(start).toEqual({ kind: 'first-admin', email: 'boss@clinic.example' });
    expect(await repos.users.count()).toBe(1);
    expect((await repos.clinics.list()).map((c) => c.name)).toEqual(['Skin & Hair']);
    const credentials = await repos.users.findCredentials('boss@clinic.example');
    expect(credentials?.user.role).toBe('admin');
    expect(await hasher.verify(credentials?.passwordHash ?? '', 'a long secret')).toBe(true);
  } finally {
    await destroy();
  }
});
