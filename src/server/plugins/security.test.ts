import { expect, it } from 'vitest';
import { defaultLoginLimits } from '../../services/accounts/login-limits.js';
import { forEachApp } from '../../test-support/test-app.js';
import { sessionCookieName } from '../auth/session-tokens.js';

forEachApp('security plugins', (get) => {
  it('rejects a signed-in write without the CSRF token (403) and with another session’s token', async () => {
    const admin = await get().signIn('admin');
    const other = await get().signIn('admin');
    const url = '/api/auth/logout';
    const missing = await admin.inject({ method: 'POST', url, csrf: false });
    expect(missing.statusCode).toBe(403);
    expect(missing.json()).toMatchObject({ error: 'csrf_token_invalid' });

    const otherToken = (await other.inject({ method: 'GET', url: '/api/auth/csrf' })).json().token as string;
    const foreign = await admin.inject({ method: 'POST', url, csrf: false, headers: { 'x-csrf-token': otherToken } });
    expect(foreign.statusCode).toBe(403);
    // Still signed in: the refused write changed nothing.
    expect((await admin.inject({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(200);
    expect((await admin.inject({ method: 'POST', url })).statusCode).toBe(204);
  });

  it('answers anonymous writes with 401 before any CSRF check', async () => {
    const response = await get().app.inject({ method: 'POST', url: '/api/auth/logout' });
    expect(response.statusCode).toBe(401);
  });

  it('sends security headers', async () => {
    const response = await get().app.inject({ method: 'GET', url: '/api/health' });
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['content-security-policy']).toContain("default-src 'self'");
    expect(response.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(response.headers['strict-transport-security']).toBeUndefined();
    expect(response.headers['x-powered-by']).toBeUndefined();
  });

  it('sends the same security headers with error answers', async () => {
    const health = await get().app.inject({ method: 'GET', url: '/api/health' });
    const missing = await get().app.inject({ method: 'GET', url: '/api/nothing-here' });
    expect(missing.statusCode).toBe(404);
    for (const name of ['content-security-policy', 'x-content-type-options', 'x-frame-options', 'referrer-policy'])
      expect(missing.headers[name], name).toBe(health.headers[name]);
  });

  it('maps unknown routes, bad JSON and wrong content types to 4xx bodies', async () => {
    const admin = await get().signIn('admin');
    expect((await get().app.inject({ method: 'GET', url: '/api/nothing-here' })).json()).toMatchObject({
      error: 'not_found',
    });
    const post = (contentType: string, payload: string) =>
      admin.inject({ method: 'POST', url: '/api/assessments', headers: { 'content-type': contentType }, payload });
    const badJson = await post('application/json', '{"patient":');
    expect(badJson.statusCode).toBe(400);
    expect(badJson.json()).toMatchObject({
      error: 'invalid_input',
      problems: [{ field: '(body)', message: 'must be valid JSON' }],
    });
    expect((await post('application/json', '{"__proto__":{"x":1}}')).statusCode).toBe(400);
    expect((await post('application/xml', '<x/>')).statusCode).toBe(415);
    expect((await post('application/json', `"${'x'.repeat(1_100_000)}"`)).statusCode).toBe(413);
  });

  it('ignores expired or unknown session cookies', async () => {
    const response = await get().app.inject({
      method: 'GET',
      url: '/api/auth/me',
      cookies: { [sessionCookieName]: 'x'.repeat(43) },
    });
    expect(response.statusCode).toBe(401);
  });
});

forEachApp(
  'login rate limit',
  (get) => {
    it('answers 429 after too many sign-in attempts from one address', async () => {
      const attempt = () =>
        get().app.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { email: 'who@x.test', password: 'nope' },
        });
      for (let i = 0; i < 3; i++) expect((await attempt()).statusCode).toBe(401);
      const limited = await attempt();
      expect(limited.statusCode).toBe(429);
      expect(limited.json()).toMatchObject({ error: 'rate_limited' });
      expect(limited.headers['retry-after']).toBeDefined();
    });
  },
  { config: { loginLimits: { ...defaultLoginLimits, addressFreeFailures: 3 } } },
);

forEachApp(
  'https deployment',
  (get) => {
    it('marks cookies Secure and sends HSTS', async () => {
      const { fixture, app } = get();
      const response = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email: fixture.users.admin.email, password: 'correct horse battery staple' },
      });
      expect(response.cookies.find((c) => c.name === sessionCookieName)?.secure).toBe(true);
      expect(response.headers['strict-transport-security']).toContain('max-age=');
    });
  },
  { config: { secureCookies: true } },
);
