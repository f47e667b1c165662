import { afterAll, beforeAll } from 'vitest';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import type { KnowledgeBase } from '../core/knowledge/knowledge-base.js';
import type { KnowledgeLibrary } from '../core/knowledge/knowledge-library.js';
import { loadKnowledgeLibrary } from '../knowledge-files/load-knowledge-library.js';
import type { AppConfig } from '../server/app-config.js';
import type { App } from '../server/app-types.js';
import { argon2idHasher, type Argon2Params } from '../services/accounts/password-hasher.js';
import { defaultLoginLimits } from '../services/accounts/login-limits.js';
import { sessionCookieName } from '../server/auth/session-tokens.js';
import { buildApp } from '../server/build-app.js';
import { csrfHeader } from '../server/plugins/csrf.js';
import type { Db, Engine } from '../storage/create-database.js';
import { roles, type Role, type UserRecord } from '../core/records/index.js';
import { createRepositories, type Repositories } from '../storage/repositories/repositories.js';
import { createClinicFixture, fixtureEmail, type ClinicFixture } from './clinic-fixture.js';
import { forEachEngine } from './test-databases.js';

/** argon2id at its cheapest: the tests check the wiring, not the cost. */
export const testPasswordHashing: Argon2Params = { memoryCost: 1024, timeCost: 1, parallelism: 1 };
export const testPassword = 'correct horse battery staple';

let knowledgeBase: KnowledgeBase | undefined;
/** The real knowledge base, loaded once per test file. */
export function testKnowledgeBase(): KnowledgeBase {
  knowledgeBase ??= testKnowledgeLibrary().base;
  return knowledgeBase;
}

let library: KnowledgeLibrary | undefined;
/** The real knowledge base in every language of knowledge/translations, loaded once per test file. */
export function testKnowledgeLibrary(): KnowledgeLibrary {
  library ??= loadKnowledgeLibrary();
  return library;
}

export function testAppConfig(overrides: Partial<AppConfig> = {}): Partial<AppConfig> {
  return {
    passwordHashing: testPasswordHashing,
    // Every test request comes from 127.0.0.1: its failed sign-ins, summed over a file, must not slow
    // the next test down. The per-account limits stay as in production.
    loginLimits: { ...defaultLoginLimits, addressFreeFailures: 10_000 },
    // Raised for the fuzzers, which send thousands of writes a minute as one user; the limit's own
    // tests (plugins/write-rate-limit.test.ts) set it low, and the reliability tests run the default.
    writeRateLimit: { max: 1_000_000, timeWindowMs: 60_000 },
    csrfKey: 'test-csrf-key',
    ...overrides,
  };
}

/** A signed-in browser: its requests carry the session cookie and, for writes, the CSRF token. */
export interface TestClient {
  user: UserRecord;
  inject(options: InjectOptions & { csrf?: boolean }): Promise<LightMyRequestResponse>;
}

export interface TestApp {
  engine: Engine;
  /** The app's database, for tests that look at every table (the app does not own it). */
  db: Db;
  app: App;
  repos: Repositories;
  fixture: ClinicFixture;
  /** A client signed in as the fixture user of `role` (a fresh session each call). */
  signIn(role: Role): Promise<TestClient>;
  /** Signs in with any email and password (for users a test created). */
  signInAs(email: string, password: string): Promise<TestClient>;
  /** Another clinic in the same database (users sign in with `testPassword` via `signInAs`). */
  createOtherClinic(): Promise<ClinicFixture>;
  /** A client signed in as the `role` user (admin unless told) of a new other clinic: an outsider to the fixture's records. */
  signInElsewhere(role?: Role): Promise<TestClient>;
}

function cookieValue(response: LightMyRequestResponse, name: string): string | undefined {
  return response.cookies.find((c) => c.name === name)?.value;
}

export async function signInClient(app: App, email: string, password: string): Promise<TestClient> {
  const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });
  if (login.statusCode !== 200) throw new Error(`sign-in as ${email} failed: ${login.statusCode} ${login.body}`);
  const session = cookieValue(login, sessionCookieName);
  if (!session) throw new Error('sign-in set no session cookie');
  const cookies: Record<string, string> = { [sessionCookieName]: session };
  const csrf = await app.inject({ method: 'GET', url: '/api/auth/csrf', cookies });
  const secret = cookieValue(csrf, '_csrf');
  if (csrf.statusCode !== 200 || !secret) throw new Error(`no CSRF token: ${csrf.statusCode} ${csrf.body}`);
  cookies._csrf = secret;
  const token = (csrf.json() as { token: string }).token;
  return {
    user: (login.json() as { user: UserRecord }).user,
    inject: ({ csrf: withCsrf = true, ...options }) =>
      app.inject({
        ...options,
        cookies: { ...cookies, ...(options.cookies ?? {}) },
        headers: { ...(withCsrf ? { [csrfHeader]: token } : {}), ...(options.headers ?? {}) },
      }),
  };
}

/** A signed-in client for each role `wanted` (every fixture role unless told), signed in side by side. */
export async function signInRoles<R extends Role>(
  testApp: TestApp,
  wanted: readonly R[] = roles as readonly Role[] as readonly R[],
): Promise<Record<R, TestClient>> {
  const clients = await Promise.all(wanted.map((role) => testApp.signIn(role)));
  return Object.fromEntries(wanted.map((role, i) => [role, clients[i]])) as Record<R, TestClient>;
}

let fixtureCount = 0;

/**
 * `describe`s the block once per storage engine with one app over a fresh database, seeded with a
 * clinic fixture (one user per role, all with `testPassword`). Build once per file: it is the slow part.
 */
export function forEachApp(
  title: string,
  body: (get: () => TestApp) => void,
  options: { config?: Partial<AppConfig>; now?: () => Date } = {},
): void {
  forEachEngine(title, (getDb, engine) => {
    let testApp: TestApp | undefined;
    beforeAll(async () => {
      const db = getDb();
      const repos = createRepositories(db);
      const passwordHash = await argon2idHasher(testPasswordHashing).hash(testPassword);
      const tag = `${engine}-${process.pid}-${++fixtureCount}`;
      const fixture = await createClinicFixture(repos, { tag, passwordHash });
      const app = await buildApp({
        db,
        knowledgeBase: testKnowledgeBase(),
        knowledgeLibrary: testKnowledgeLibrary(),
        config: testAppConfig(options.config),
        ...(options.now ? { now: options.now } : {}),
      });
      const createOtherClinic = () =>
        createClinicFixture(repos, { tag: `${tag}-other-${++fixtureCount}`, passwordHash });
      testApp = {
        engine,
        db,
        app,
        repos,
        fixture,
        signIn: (role) => signInClient(app, fixtureEmail(role, tag), testPassword),
        signInAs: (email, password) => signInClient(app, email, password),
        createOtherClinic,
        signInElsewhere: async (role = 'admin') =>
          signInClient(app, (await createOtherClinic()).users[role].email, testPassword),
      };
    });
    afterAll(async () => {
      await testApp?.app.close();
    });
    body(() => {
      if (!testApp) throw new Error('the test app is not ready: call get() inside a test or hook');
      return testApp;
    });
  });
}
