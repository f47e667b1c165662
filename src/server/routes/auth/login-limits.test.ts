import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import type { AuditRecord } from '../../../core/records/index.js';
import { forEachApp, testPassword, type TestApp } from '../../../test-support/test-app.js';
import { readServerConfig } from '../../server-config.js';

/** What a reverse proxy sends on: the client's own X-Forwarded-For, with the address it saw appended. */
const throughProxy = (clientSays: string | undefined, clientIs: string) => ({
  'x-forwarded-for': clientSays === undefined ? clientIs : `${clientSays}, ${clientIs}`,
});

const login = (testApp: TestApp, email: string, password: string, headers: Record<string, string> = {}) =>
  testApp.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password }, headers });

async function auditOf(testApp: TestApp, entity: string): Promise<AuditRecord[]> {
  const admin = await testApp.signIn('admin');
  const response = await admin.inject({ method: 'GET', url: `/api/audit?entity=${entity}&limit=200` });
  expect(response.statusCode).toBe(200);
  return (response.json() as { entries: AuditRecord[] }).entries;
}

forEachApp(
  'sign-in limits behind one trusted proxy',
  (get) => {
    // The clock stands still: on a busy machine a second passes between tries, and the first wait
    // (1 s) would have run out, letting a further try through as a wrong password.
    beforeEach(() => {
      vi.useFakeTimers({ toFake: ['Date'] });
    });
    afterEach(() => {
      vi.useRealTimers();
    });

    it('limits 100 tries with 100 forged forwarded addresses, by the address the proxy saw', async () => {
      const attacker = '203.0.113.9';
      const statuses: number[] = [];
      for (let i = 0; i < 100; i++) {
        const forged = `10.${Math.floor(i / 250)}.${i % 250}.${(i * 7) % 250}`;
        const response = await login(
          get(),
          `guess-${i}@nowhere.test`,
          `guess number ${i}`,
          throughProxy(forged, attacker),
        );
        statuses.push(response.statusCode);
      }
      // The first ones fail as wrong passwords; the rest are turned away, each told how long to wait.
      expect(statuses.filter((s) => s === 401).length).toBe(20);
      expect(statuses.filter((s) => s === 429).length).toBe(80);
      const limited = await login(get(), 'guess-x@nowhere.test', 'one more', throughProxy('10.9.9.9', attacker));
      expect(limited.statusCode).toBe(429);
      expect(limited.json()).toMatchObject({ error: 'rate_limited', retryAfterSeconds: expect.any(Number) });
      expect(Number(limited.headers['retry-after'])).toBeGreaterThanOrEqual(1);

      // Another account's right password still works, from a clean address.
      const { practitioner } = get().fixture.users;
      const clean = await login(get(), practitioner.email, testPassword, throughProxy('10.0.0.1', '198.51.100.20'));
      expect(clean.statusCode).toBe(200);
      // ... and so does a sign-in without any forwarded address (from the proxy itself).
      expect((await login(get(), practitioner.email, testPassword)).statusCode).toBe(200);
    });

    it('limits one account tried from 100 forged addresses and locks it', async () => {
      const { reception } = get().fixture.users;
      const statuses: number[] = [];
      for (let i = 0; i < 100; i++) {
        const response = await login(
          get(),
          reception.email,
          `not it ${i}`,
          throughProxy(`192.0.2.${i}`, `198.18.${i}.1`),
        );
        statuses.push(response.statusCode);
      }
      expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
      expect(statuses.slice(5).every((s) => s === 429)).toBe(true);
    });

    it('records the address the proxy saw, not the forged one, with the account and the reason', async () => {
      const entries = await auditOf(get(), 'sign_in');
      const { reception } = get().fixture.users;
      const onReception = entries.filter((e) => e.entityId === reception.id);
      expect(onReception.length).toBeGreaterThanOrEqual(100);
      expect(onReception.every((e) => e.clientAddress?.startsWith('198.18.'))).toBe(true);
      expect(new Set(onReception.map((e) => e.reason))).toEqual(new Set(['wrong_password', 'account_throttled']));
      expect(onReception.every((e) => e.clinicId === get().fixture.clinic.id && e.userId === null)).toBe(true);
    });

    it('gives parallel tries no way past the limit', async () => {
      const statuses = await Promise.all(
        Array.from({ length: 40 }, (_, i) =>
          login(get(), `parallel-${i}@nowhere.test`, 'wrong', throughProxy(undefined, '198.51.100.77')).then(
            (r) => r.statusCode,
          ),
        ),
      );
      expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(20);
      expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(20);
    });

    it('does not count successful sign-ins against the address', async () => {
      const { admin } = get().fixture.users;
      const office = throughProxy(undefined, '198.51.100.99');
      for (let i = 0; i < 30; i++) expect((await login(get(), admin.email, testPassword, office)).statusCode).toBe(200);
      expect((await login(get(), 'typo@nowhere.test', 'wrong', office)).statusCode).toBe(401);
    });
  },
  { config: readServerConfig({ MESODESK_TRUST_PROXY: '1' }).app },
);

forEachApp('account lockout', (get) => {
  let clock = Date.parse('2030-05-01T08:00:00.000Z');
  const advance = (seconds: number) => {
    clock += seconds * 1000;
    vi.setSystemTime(clock);
  };
  afterEach(() => {
    vi.useRealTimers();
  });

  async function newAccount(name: string) {
    const { repos, fixture, engine } = get();
    const credentials = await repos.users.findCredentials(fixture.users.admin.email);
    return repos.users.create({
      clinicId: fixture.clinic.id,
      email: `${name}-${engine}@lockout.test`,
      displayName: name,
      passwordHash: credentials?.passwordHash ?? '',
      role: 'reception',
    });
  }

  /** Ten wrong passwords, each after the wait the one before asked for; the waits asked for. */
  async function lockOut(email: string) {
    const waits: string[] = [];
    for (let i = 0; i < 10; i++) {
      let response = await login(get(), email, `wrong ${i}`);
      if (response.statusCode === 429) {
        const wait = String(response.headers['retry-after']);
        waits.push(wait);
        // The right password waits as long.
        const right = await login(get(), email, testPassword);
        expect([right.statusCode, right.headers['retry-after']]).toEqual([429, wait]);
        advance(Number(wait));
        response = await login(get(), email, `wrong ${i}`);
      }
      expect(response.statusCode).toBe(401);
    }
    return waits;
  }

  it('makes each try wait longer, then locks the account until an admin lifts it', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    advance(0);
    const user = await newAccount('lou');
    // Five wrong passwords are free; then 1, 2, 4, 8 and 16 seconds between tries, the right password included.
    expect(await lockOut(user.email)).toEqual(['1', '2', '4', '8', '16']);
    const locked = await login(get(), user.email, testPassword);
    expect(locked.statusCode).toBe(429);
    expect(locked.json()).toMatchObject({ error: 'account_locked', retryAfterSeconds: 15 * 60 });
    advance(10 * 60);
    expect((await login(get(), user.email, testPassword)).json().error).toBe('account_locked');

    // Only admins may lift it, and only for their own clinic's users.
    const reception = await get().signIn('reception');
    const url = `/api/users/${user.id}/lockout`;
    expect((await reception.inject({ method: 'DELETE', url })).statusCode).toBe(403);
    expect((await (await get().signInElsewhere()).inject({ method: 'DELETE', url })).statusCode).toBe(404);
    const admin = await get().signIn('admin');
    expect((await admin.inject({ method: 'DELETE', url })).statusCode).toBe(204);
    expect((await login(get(), user.email, testPassword)).statusCode).toBe(200);

    const lockouts = await auditOf(get(), 'login_lockout');
    expect(lockouts.filter((e) => e.entityId === user.id).map((e) => [e.action, e.reason, e.userId])).toEqual([
      ['delete', undefined, get().fixture.users.admin.id],
      ['create', 'too_many_failures', null],
    ]);
    const refusals = (await auditOf(get(), 'sign_in')).filter((e) => e.entityId === user.id);
    expect(refusals.filter((e) => e.reason === 'wrong_password')).toHaveLength(10);
    expect(refusals.filter((e) => e.reason === 'account_throttled')).toHaveLength(10);
    expect(refusals.filter((e) => e.reason === 'account_locked')).toHaveLength(2);
    expect(refusals.every((e) => e.clientAddress === '127.0.0.1')).toBe(true);
  });

  it('ends a lockout on its own after the configured time', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    advance(3600);
    const user = await newAccount('kim');
    await lockOut(user.email);
    advance(15 * 60 - 1);
    expect((await login(get(), user.email, testPassword)).statusCode).toBe(429);
    advance(2);
    expect((await login(get(), user.email, testPassword)).statusCode).toBe(200);
    // A fresh start: the next wrong password is a free one again.
    expect((await login(get(), user.email, 'wrong again')).statusCode).toBe(401);
    expect((await login(get(), user.email, testPassword)).statusCode).toBe(200);
  });

  it('treats unknown emails as accounts, so that answers do not tell which exist', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++)
      statuses.push((await login(get(), `nobody-${get().engine}@lockout.test`, 'x')).statusCode);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429]);
  });

  it('holds across server processes: another app over the same database sees the lockout', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    advance(7200);
    const user = await newAccount('max');
    await lockOut(user.email);
    const { buildApp } = await import('../../build-app.js');
    const { testAppConfig, testKnowledgeBase } = await import('../../../test-support/test-app.js');
    const second = await buildApp({ db: get().db, knowledgeBase: testKnowledgeBase(), config: testAppConfig() });
    try {
      const response = await second.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email: user.email, password: testPassword },
      });
      expect(response.json().error).toBe('account_locked');
    } finally {
      await second.close();
    }
  });
});
