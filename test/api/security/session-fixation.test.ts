import { beforeAll, expect, it } from 'vitest';
import type { Role } from '../../../src/core/records/index.js';
import {
  forEachApp,
  testAppConfig,
  testKnowledgeBase,
  testPassword,
  type TestApp,
} from '../../../src/test-support/test-app.js';
import type { App } from '../../../src/server/app-types.js';
import { hashSessionToken, newSessionToken, sessionCookieName } from '../../../src/server/auth/session-tokens.js';
import { withSessionCache } from '../../../src/server/auth/session-cache.js';
import { buildApp } from '../../../src/server/build-app.js';
import type { Repositories } from '../../../src/storage/repositories/repositories.js';
import { cookieValue, injectWith, ownCredentials, signInRaw, type RawSession } from './raw-session.js';

/** Who a session cookie signs in as, or 401. */
async function whoIs(app: App, sessionToken: string): Promise<string | 401> {
  const response = await app.inject({
    method: 'GET',
    url: '/api/auth/me',
    cookies: { [sessionCookieName]: sessionToken },
  });
  if (response.statusCode === 401) return 401;
  if (response.statusCode !== 200) throw new Error(`GET /api/auth/me: ${response.statusCode} ${response.body}`);
  return (response.json() as { user: { id: string } }).user.id;
}

forEachApp('session fixation and session ending', (get) => {
  const signIn = (role: Role, sendCookies?: Record<string, string>): Promise<RawSession> =>
    signInRaw(get().app, get().fixture.users[role].email, testPassword, sendCookies);
  const logout = (session: RawSession) =>
    injectWith(get().app, ownCredentials(session), { method: 'POST', url: '/api/auth/logout' });
  /** Whether the session is still in storage (not merely in some cache). */
  const stored = async (token: string) =>
    (await get().repos.authSessions.findActive(hashSessionToken(token))) !== undefined;

  /** A user of its own, so that ending its sessions disturbs no other test. */
  async function newUser(role: 'practitioner' | 'reception') {
    const admin = await signIn('admin');
    const email = `${role}-${Math.random().toString(36).slice(2)}@sessions.test`;
    const created = await injectWith(get().app, ownCredentials(admin), {
      method: 'POST',
      url: '/api/users',
      payload: { email, password: testPassword, displayName: 'Session Tester', role },
    });
    expect(created.statusCode, created.body).toBe(201);
    return { id: (created.json() as { id: string }).id, email, admin };
  }

  it('issues a fresh token at sign-in, whatever session cookie the browser sent; a planted one stays anonymous', async () => {
    const { app, fixture } = get();
    for (const planted of [newSessionToken(), 'attacker-chosen', 'x'.repeat(43)]) {
      const session = await signIn('practitioner', { [sessionCookieName]: planted });
      expect(session.sessionToken).not.toBe(planted);
      expect(session.sessionToken.length).toBeGreaterThanOrEqual(43);
      expect(await whoIs(app, session.sessionToken)).toBe(fixture.users.practitioner.id);
      expect(await whoIs(app, planted)).toBe(401);
      expect(await stored(planted)).toBe(false);
    }
  });

  it("never turns a previously issued token into the new user's session", async () => {
    const { app, fixture } = get();
    // The attacker signs in as themself and leaves the cookie in a shared browser; the victim signs in there.
    const attacker = await signIn('reception');
    const victim = await signIn('admin', { [sessionCookieName]: attacker.sessionToken });
    expect(victim.sessionToken).not.toBe(attacker.sessionToken);
    expect(await whoIs(app, victim.sessionToken)).toBe(fixture.users.admin.id);
    expect(await whoIs(app, attacker.sessionToken)).not.toBe(fixture.users.admin.id);

    // A signed-out token sent with the next sign-in stays signed out.
    const old = await signIn('practitioner');
    expect((await logout(old)).statusCode).toBe(204);
    const next = await signIn('practitioner', { [sessionCookieName]: old.sessionToken });
    expect(next.sessionToken).not.toBe(old.sessionToken);
    expect(await whoIs(app, old.sessionToken)).toBe(401);
    expect(await whoIs(app, next.sessionToken)).toBe(fixture.users.practitioner.id);
  });

  it('gives every sign-in its own token, sent as an httpOnly, SameSite=Strict cookie', async () => {
    const response = await get().app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: get().fixture.users.reception.email, password: testPassword },
    });
    const cookie = response.cookies.find((c) => c.name === sessionCookieName);
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    const tokens = new Set<string>();
    for (let i = 0; i < 5; i++) tokens.add((await signIn('reception')).sessionToken);
    expect(tokens.size).toBe(5);
  });

  it('ends the session in storage at sign-out: the token is refused at once, even right after it was served from the cache', async () => {
    const { app, fixture } = get();
    const session = await signIn('practitioner');
    const other = await signIn('practitioner');
    // Served several times, so the lookup is cached.
    for (let i = 0; i < 3; i++) expect(await whoIs(app, session.sessionToken)).toBe(fixture.users.practitioner.id);

    const out = await logout(session);
    expect(out.statusCode).toBe(204);
    const cleared = out.cookies.find((c) => c.name === sessionCookieName);
    expect(cleared?.value).toBe('');
    expect(await stored(session.sessionToken)).toBe(false);
    expect(await whoIs(app, session.sessionToken)).toBe(401);
    // A write with the old cookie and its old CSRF token: unauthenticated, not merely a CSRF refusal.
    const write = await injectWith(app, ownCredentials(session), {
      method: 'PATCH',
      url: `/api/patients/${fixture.otherPatient.id}`,
      payload: { phone: '+49 30 000' },
    });
    expect(write.statusCode).toBe(401);
    expect((await get().repos.patients.findById(fixture.otherPatient.id))?.phone).toBe(fixture.otherPatient.phone);
    // Signing out twice does nothing more, and the user's other session lives on.
    expect((await logout(session)).statusCode).toBe(401);
    expect(await whoIs(app, other.sessionToken)).toBe(fixture.users.practitioner.id);
  });

  it('keeps no signed-out session in the cache when lookups race with the sign-out', async () => {
    const { app } = get();
    for (let round = 0; round < 5; round++) {
      const session = await signIn('practitioner');
      // Lookups in flight while the session is deleted may still answer for it; none may be cached past the sign-out.
      const racing = Array.from({ length: 20 }, () => whoIs(app, session.sessionToken));
      const out = await logout(session);
      await Promise.all(racing);
      expect(out.statusCode).toBe(204);
      expect(await whoIs(app, session.sessionToken)).toBe(401);
    }
  });

  it("does not accept one user's session with another user's CSRF token", async () => {
    const { app, fixture } = get();
    const practitioner = await signIn('practitioner');
    const reception = await signIn('reception');
    const url = `/api/patients/${fixture.otherPatient.id}`;
    const write = (sessionOf: RawSession, csrfOf: RawSession, secretOf: RawSession) =>
      injectWith(
        app,
        { sessionToken: sessionOf.sessionToken, csrfSecret: secretOf.csrfSecret, csrfToken: csrfOf.csrfToken },
        { method: 'PATCH', url, payload: { phone: '+49 30 666' } },
      );
    for (const [sessionOf, csrfOf, secretOf] of [
      [practitioner, reception, practitioner],
      [practitioner, reception, reception],
      [reception, practitioner, reception],
      [reception, practitioner, practitioner],
    ] as const) {
      const response = await write(sessionOf, csrfOf, secretOf);
      expect(response.statusCode).toBe(403);
      expect(response.json()).toMatchObject({ error: 'csrf_token_invalid' });
    }
    expect((await get().repos.patients.findById(fixture.otherPatient.id))?.phone).toBe(fixture.otherPatient.phone);
    // Each with its own token may write: the refusals were about the pairing.
    expect((await write(reception, reception, reception)).statusCode).toBe(200);
  });

  it("ends every session of a user who is deactivated, and refuses the user's sign-in", async () => {
    const { app } = get();
    const { id, email, admin } = await newUser('reception');
    const sessions = [await signInRaw(app, email, testPassword), await signInRaw(app, email, testPassword)];
    for (const s of sessions) expect(await whoIs(app, s.sessionToken)).toBe(id);

    const patch = await injectWith(app, ownCredentials(admin), {
      method: 'PATCH',
      url: `/api/users/${id}`,
      payload: { active: false },
    });
    expect(patch.statusCode, patch.body).toBe(200);
    for (const s of sessions) {
      expect(await whoIs(app, s.sessionToken)).toBe(401);
      expect(await stored(s.sessionToken)).toBe(false);
    }
    const again = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email, password: testPassword },
    });
    expect(again.statusCode).toBe(401);
    expect(cookieValue(again, sessionCookieName)).toBeUndefined();
  });

  it('ends every session of a user whose password or role is changed; the new password works, the old one not', async () => {
    const { app } = get();
    const { id, email, admin } = await newUser('practitioner');
    const before = await signInRaw(app, email, testPassword);
    expect(await whoIs(app, before.sessionToken)).toBe(id);

    const newPassword = 'a completely new passphrase';
    expect(
      (
        await injectWith(app, ownCredentials(admin), {
          method: 'PATCH',
          url: `/api/users/${id}`,
          payload: { password: newPassword },
        })
      ).statusCode,
    ).toBe(200);
    expect(await whoIs(app, before.sessionToken)).toBe(401);
    expect(await stored(before.sessionToken)).toBe(false);
    expect(
      (await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password: testPassword } }))
        .statusCode,
    ).toBe(401);

    const after = await signInRaw(app, email, newPassword);
    expect(await whoIs(app, after.sessionToken)).toBe(id);
    expect(
      (
        await injectWith(app, ownCredentials(admin), {
          method: 'PATCH',
          url: `/api/users/${id}`,
          payload: { role: 'reception' },
        })
      ).statusCode,
    ).toBe(200);
    expect(await whoIs(app, after.sessionToken)).toBe(401);
  });

  it('does not cache a lookup that read the session before a sign-out deleted it', async () => {
    const { repos, fixture } = get();
    // Storage that answers only when let go, as a busy connection pool may.
    let letGo: () => void = () => undefined;
    const held = new Promise<void>((resolve) => {
      letGo = resolve;
    });
    const slow: Repositories = {
      ...repos,
      authSessions: {
        ...repos.authSessions,
        async findActive(tokenHash) {
          const found = await repos.authSessions.findActive(tokenHash);
          await held;
          return found;
        },
      },
    };
    const cached = withSessionCache(slow);
    const tokenHash = hashSessionToken(newSessionToken());
    const session = await repos.authSessions.create({
      userId: fixture.users.practitioner.id,
      tokenHash,
      expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
    });

    const inFlight = cached.authSessions.findActive(tokenHash);
    // Let the lookup read the row before the sign-out deletes it.
    await new Promise((r) => setTimeout(r, 50));
    await cached.authSessions.delete(session.id);
    letGo();
    expect((await inFlight)?.session.id).toBe(session.id);
    expect(await cached.authSessions.findActive(tokenHash)).toBeUndefined();
  });

  describeOtherProcess(get);
});

/** A second server process over the same database learns of a sign-out only through storage. */
function describeOtherProcess(get: () => TestApp): void {
  let second: App;

  beforeAll(async () => {
    second = await buildApp({ db: get().db, knowledgeBase: testKnowledgeBase(), config: testAppConfig() });
    return () => second.close();
  });

  it('stops accepting a signed-out session in another server process within the cache lifetime', async () => {
    const { app, fixture } = get();
    const session = await signInRaw(app, fixture.users.practitioner.email, testPassword);
    expect(await whoIs(second, session.sessionToken)).toBe(fixture.users.practitioner.id);
    expect(
      (await injectWith(app, ownCredentials(session), { method: 'POST', url: '/api/auth/logout' })).statusCode,
    ).toBe(204);
    const started = Date.now();
    while ((await whoIs(second, session.sessionToken)) !== 401 && Date.now() - started < 10_000)
      await new Promise((r) => setTimeout(r, 200));
    // The cache keeps an answer for 5 s (auth/session-cache.ts): no longer.
    expect(Date.now() - started).toBeLessThan(6_000);
    expect(await whoIs(second, session.sessionToken)).toBe(401);
  }, 15_000);
}
