import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { sessionCacheTtlMs } from '../../src/server/auth/session-cache.js';
import { csrfHeader } from '../../src/server/plugins/csrf.js';
import type { ClinicFixture } from '../../src/test-support/clinic-fixture.js';
import { freePort } from './support/free-port.js';
import { signIn, type HttpClient } from './support/http-client.js';
import { spawnMesodesk, type MesodeskProcess } from './support/mesodesk-process.js';
import {
  createSharedDatabase,
  postgresUnderTest,
  seedClinic,
  testPassword,
  type SharedDatabase,
} from './support/shared-postgres.js';

/**
 * Two server processes, each on its own port, on one PostgreSQL database, as behind a load balancer
 * that sends each request anywhere: what one process knows of a sign-in, the other must honour.
 */

const admin = { email: 'first-admin@multi-process.example.org', password: 'two processes, one first admin' };
/** The documented bound (docs/multi-process.md), and the time a request and a loaded machine add. */
const boundMs = sessionCacheTtlMs;
const slackMs = 2_000;

async function send(baseUrl: string, method: string, path: string, headers: Record<string, string>, body?: unknown) {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: { ...headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    signal: AbortSignal.timeout(20_000),
  });
  await response.arrayBuffer();
  return response.status;
}

/** Asks `baseUrl` who is signed in with `client`'s cookies, until it answers 401; the time that took. */
async function msUntilRefused(baseUrl: string, client: HttpClient, limitMs: number): Promise<number> {
  const started = performance.now();
  const { cookie } = client.writeHeaders();
  while (performance.now() - started < limitMs) {
    if ((await send(baseUrl, 'GET', '/api/auth/me', { cookie: cookie ?? '' })) === 401)
      return performance.now() - started;
    await sleep(100);
  }
  return Number.POSITIVE_INFINITY;
}

describe.skipIf(!postgresUnderTest)('two server processes on one PostgreSQL database [postgres]', () => {
  let dir = '';
  let shared: SharedDatabase | undefined;
  let one: MesodeskProcess | undefined;
  let two: MesodeskProcess | undefined;
  let fixture: ClinicFixture;
  let firstStart = { admins: 0, clinics: 0 };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'mesodesk-multi-'));
    // Not migrated: both processes find it empty, at the same moment.
    shared = await createSharedDatabase({ migrate: false });
    const env = {
      DATABASE_URL: shared.url,
      MESODESK_DATA_DIR: join(dir, 'data'),
      MESODESK_ADMIN_EMAIL: admin.email,
      MESODESK_ADMIN_PASSWORD: admin.password,
    };
    [one, two] = await Promise.all([
      spawnMesodesk({ env, port: await freePort() }),
      spawnMesodesk({ env, port: await freePort() }),
    ]);
    const admins = await shared.db.selectFrom('users').select('id').where('email', '=', admin.email).execute();
    firstStart = { admins: admins.length, clinics: await shared.repos.clinics.count() };
    fixture = await seedClinic(shared.repos, 'multi-process');
  }, 120_000);

  afterAll(async () => {
    await Promise.all([one?.kill(), two?.kill()]);
    await shared?.drop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const servers = () => {
    if (!one || !two) throw new Error('the servers did not start');
    return [one, two] as const;
  };

  test('started at once on an empty database, they make the first admin once', () => {
    expect(firstStart).toEqual({ admins: 1, clinics: 1 });
  });

  test('a session and CSRF token from one process are accepted by the other, and a write without one is not', async () => {
    const [a, b] = servers();
    const patientUrl = `/api/patients/${fixture.otherPatient.id}`;
    const fromA = await signIn(a.baseUrl, fixture.users.reception.email, testPassword);
    expect(await send(b.baseUrl, 'PATCH', patientUrl, fromA.writeHeaders(), { phone: '+49 30 1111111' })).toBe(200);
    const fromB = await signIn(b.baseUrl, fixture.users.reception.email, testPassword);
    expect(await send(a.baseUrl, 'PATCH', patientUrl, fromB.writeHeaders(), { phone: '+49 30 2222222' })).toBe(200);
    // The token is bound to its session: A's token with B's session is refused by either process.
    const mixed = { ...fromB.writeHeaders(), [csrfHeader]: fromA.writeHeaders()[csrfHeader] ?? '' };
    for (const server of [a, b])
      expect(await send(server.baseUrl, 'PATCH', patientUrl, mixed, { phone: '+49 30 3333333' })).toBe(403);
    const { cookie } = fromA.writeHeaders();
    expect(await send(b.baseUrl, 'PATCH', patientUrl, { cookie: cookie ?? '' }, { phone: '+49 30 4444444' })).toBe(403);
    expect((await shared!.repos.patients.findById(fixture.otherPatient.id))?.phone).toBe('+49 30 2222222');
  });

  test(`signing out through one process ends the session in the other within ${boundMs / 1000} s`, async () => {
    const [a, b] = servers();
    const client = await signIn(a.baseUrl, fixture.users.practitioner.email, testPassword);
    // The other process has the session in its cache now.
    expect(await send(b.baseUrl, 'GET', '/api/auth/me', { cookie: client.writeHeaders().cookie ?? '' })).toBe(200);
    expect((await client.request('POST', '/api/auth/logout')).status).toBe(204);
    // The process that ended it forgets it at once.
    expect(await send(a.baseUrl, 'GET', '/api/auth/me', { cookie: client.writeHeaders().cookie ?? '' })).toBe(401);
    expect(await msUntilRefused(b.baseUrl, client, boundMs + slackMs)).toBeLessThanOrEqual(boundMs + slackMs);
  });

  test(`deactivating a user through one process ends their sessions in the other within ${boundMs / 1000} s`, async () => {
    const [a, b] = servers();
    const user = fixture.users.patient;
    const client = await signIn(b.baseUrl, user.email, testPassword);
    expect(await send(b.baseUrl, 'GET', '/api/auth/me', { cookie: client.writeHeaders().cookie ?? '' })).toBe(200);
    const adminClient = await signIn(a.baseUrl, fixture.users.admin.email, testPassword);
    expect((await adminClient.request('PATCH', `/api/users/${user.id}`, { active: false })).status).toBe(200);
    expect(await msUntilRefused(b.baseUrl, client, boundMs + slackMs)).toBeLessThanOrEqual(boundMs + slackMs);
    // A new sign-in is refused at once by either process: it always reads the database.
    await expect(signIn(b.baseUrl, user.email, testPassword)).rejects.toThrow(/sign-in as .* failed: 401/);
  });
});
