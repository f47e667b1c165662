import { expect, it } from 'vitest';
import { forEachApp } from '../../../test-support/test-app.js';
import { sessionCookieName } from '../../auth/session-tokens.js';

forEachApp('session probe', (get) => {
  it('answers 200 signed out (no cookie, or one that names no session) and leaves /me at 401', async () => {
    const { app } = get();
    const none: Record<string, string> = {};
    for (const cookies of [none, { [sessionCookieName]: 'forged' }]) {
      const probe = await app.inject({ method: 'GET', url: '/api/auth/session', cookies });
      expect(probe.statusCode).toBe(200);
      expect(probe.json()).toEqual({ signedIn: false, user: null });
      expect((await app.inject({ method: 'GET', url: '/api/auth/me', cookies })).statusCode).toBe(401);
    }
  });

  it('names the signed-in user, as /me does', async () => {
    const client = await get().signIn('reception');
    const probe = await client.inject({ method: 'GET', url: '/api/auth/session' });
    expect(probe.statusCode).toBe(200);
    expect(probe.json()).toEqual({
      signedIn: true,
      user: (await client.inject({ method: 'GET', url: '/api/auth/me' })).json().user,
    });
    expect(probe.json().user).not.toHaveProperty('passwordHash');
  });
});
