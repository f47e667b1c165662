import { expect, it } from 'vitest';
import { forEachApp, testPassword } from '../../../test-support/test-app.js';
import { sessionCookieName } from '../../auth/session-tokens.js';

forEachApp('auth routes', (get) => {
  const login = (email: string, password: string) =>
    get().app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });

  it('signs in with a strict, httpOnly session cookie and answers /me', async () => {
    // Emails match whatever their case.
    const response = await login(get().fixture.users.practitioner.email.toUpperCase(), testPassword);
    expect(response.statusCode).toBe(200);
    const cookie = response.cookies.find((c) => c.name === sessionCookieName);
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    expect(cookie?.secure).toBeFalsy();
    expect(response.json().user).toMatchObject({ role: 'practitioner', id: get().fixture.users.practitioner.id });
    expect(response.json().user).not.toHaveProperty('passwordHash');

    const me = await get().app.inject({
      method: 'GET',
      url: '/api/auth/me',
      cookies: { [sessionCookieName]: cookie?.value ?? '' },
    });
    expect(me.statusCode).toBe(200);
    expect(me.json().user.email).toBe(get().fixture.users.practitioner.email);
  });

  it('refuses wrong passwords, unknown emails and bad bodies alike', async () => {
    const email = get().fixture.users.admin.email;
    expect((await login(email, 'wrong password')).json()).toEqual({
      error: 'invalid_credentials',
      message: 'wrong email or password',
    });
    expect((await login('nobody@nowhere.test', testPassword)).statusCode).toBe(401);
    const bad = await get().app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'x@y.test' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({
      error: 'invalid_input',
      problems: [{ field: 'password', message: 'required' }],
    });
  });

  it('refuses deactivated users', async () => {
    const { repos, fixture } = get();
    const user = await repos.users.create({
      clinicId: fixture.clinic.id,
      email: `gone-${get().engine}@x.test`,
      displayName: 'Gone',
      passwordHash: (await repos.users.findCredentials(fixture.users.admin.email))?.passwordHash ?? '',
      role: 'reception',
    });
    expect((await login(user.email, testPassword)).statusCode).toBe(200);
    await repos.users.update(user.id, { active: false });
    expect((await login(user.email, testPassword)).statusCode).toBe(401);
  });

  it('needs a session for /me and the CSRF token', async () => {
    expect((await get().app.inject({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
    expect(
      (
        await get().app.inject({ method: 'GET', url: '/api/auth/me', cookies: { [sessionCookieName]: 'forged' } })
      ).json(),
    ).toMatchObject({ error: 'unauthenticated' });
    expect((await get().app.inject({ method: 'GET', url: '/api/auth/csrf' })).statusCode).toBe(401);
  });

  it('signs out: the session stops working', async () => {
    const client = await get().signIn('reception');
    expect((await client.inject({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(200);
    const out = await client.inject({ method: 'POST', url: '/api/auth/logout' });
    expect(out.statusCode).toBe(204);
    expect(out.cookies.find((c) => c.name === sessionCookieName)?.value).toBe('');
    expect((await client.inject({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
  });
});
