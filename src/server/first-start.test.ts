import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { createRepositories } from '../storage/repositories/repositories.js';
import { testKnowledgeBase, testPasswordHashing } from '../test-support/test-app.js';
import { testEngines } from '../test-support/test-databases.js';
import { argon2idHasher } from '../services/accounts/password-hasher.js';
import { defaultMessagingSettings } from '../services/messaging/messaging-settings.js';
import { describeFirstStart, prepareFirstStart, type FirstStartOptions } from './first-start.js';

const hasher = argon2idHasher(testPasswordHashing);
const folders: string[] = [];

afterEach(() => {
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function options(overrides: Partial<FirstStartOptions> = {}): FirstStartOptions {
  const dataDir = mkdtempSync(join(tmpdir(), 'mesodesk-first-start-'));
  folders.push(dataDir);
  return {
    config: {},
    hasher,
    knowledgeBase: testKnowledgeBase(),
    messaging: defaultMessagingSettings(),
    dataDir,
    now: new Date('2026-11-22T15:00:00.000Z'),
    ...overrides,
  };
}

it.each(testEngines)(
  'the first start makes the demo clinic once, marked as a demo, and prints its logins [$engine]',
  async (engine) => {
    const { db, destroy } = await engine.create();
    try {
      const start = await prepareFirstStart(db, options());
      if (start.kind !== 'demo') throw new Error(`expected the demo, got ${start.kind}`);
      expect(start.logins.map((l) => l.role).sort()).toEqual([
        'admin',
        'patient',
        'practitioner',
        'practitioner',
        'reception',
      ]);
      const passwords = start.logins.map((l) => l.password);
      expect(new Set(passwords).size).toBe(5);
      // Long passphrases: five words and a number.
      for (const password of passwords) expect(password).toMatch(/^([a-z]+-){5}\d{2}$/);
      const printed = describeFirstStart(start).join('\n');
      for (const l of start.logins) expect(printed).toContain(`${l.email}`);
      for (const password of passwords) expect(printed).toContain(password);
      expect(printed).toContain('(patient portal)');
      expect(printed).toContain('npx mesodesk demo');

      const repos = createRepositories(db);
      const [clinic] = await repos.clinics.list();
      expect(await repos.clinics.demoClinicIds()).toEqual([clinic?.id]);
      const credentials = await repos.users.findCredentials(start.logins[0]?.email ?? '');
      expect(await hasher.verify(credentials?.passwordHash ?? '', passwords[0] ?? '')).toBe(true);

      expect((await prepareFirstStart(db, options())).kind).toBe('existing');
      expect(await repos.clinics.count()).toBe(1);
    } finally {
      await destroy();
    }
  },
  120_000,
);

it.each(testEngines)('first start with MESODESK_ADMIN_EMAIL creates only the admin [$engine]', async (engine) => {
  const { db, destroy } = await engine.create();
  try {
    const repos = createRepositories(db);
    const start = await prepareFirstStart(
      db,
      options({
        config: { firstAdmin: { email: 'Boss@Clinic.example', password: 'a long secret', clinicName: 'Skin & Hair' } },
      }),
    );
    expect(start).toEqual({ kind: 'first-admin', email: 'boss@clinic.example' });
    expect(await repos.users.count()).toBe(1);
    expect((await repos.clinics.list()).map((c) => c.name)).toEqual(['Skin & Hair']);
    expect(await repos.clinics.demoClinicIds()).toEqual([]);
    const credentials = await repos.users.findCredentials('boss@clinic.example');
    expect(credentials?.user.role).toBe('admin');
    expect(await hasher.verify(credentials?.passwordHash ?? '', 'a long secret')).toBe(true);
  } finally {
    await destroy();
  }
});
