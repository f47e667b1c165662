import { expect, it } from 'vitest';
import type { AuditRecord } from '../../../core/records/index.js';
import { forEachApp, type TestClient } from '../../../test-support/test-app.js';

forEachApp('changing your own password', (get) => {
  const first = 'first long passphrase of mine';
  const second = 'second, even longer passphrase';

  /** A new account (made by the admin, so it has a password of its own) and an admin session. */
  async function newAccount(name: string, extra: { role: string; patientId?: string }) {
    const admin = await get().signIn('admin');
    const created = await admin.inject({
      method: 'POST',
      url: '/api/users',
      payload: { email: `${name}-${get().engine}@password.test`, password: first, displayName: name, ...extra },
    });
    expect(created.statusCode).toBe(201);
    return { admin, email: (created.json() as { email: string }).email };
  }

  const change = (client: TestClient, currentPassword: string, newPassword: string) =>
    client.inject({ method: 'POST', url: '/api/auth/password', payload: { currentPassword, newPassword } });
  const me = async (client: TestClient) => (await client.inject({ method: 'GET', url: '/api/auth/me' })).statusCode;

  it('needs the current password and a strong new one, then ends the other sessions but this one', async () => {
    const { admin, email } = await newAccount('nina', { role: 'practitioner' });
    const here = await get().signInAs(email, first);
    const elsewhere = await get().signInAs(email, first);

    const wrong = await change(here, 'not my password', second);
    expect(wrong.statusCode).toBe(403);
    expect(wrong.json()).toMatchObject({
      error: 'wrong_password',
      problems: [{ field: 'currentPassword', message: 'is not your current password' }],
    });
    for (const weak of ['aaaaaaaaaa', '1234567890', ' '.repeat(10)]) {
      const refused = await change(here, first, weak);
      expect(refused.statusCode, JSON.stringify(weak)).toBe(400);
      expect(refused.json().problems).toEqual([
        { field: 'newPassword', message: expect.stringMatching(/^is too easy to guess: \S/) },
      ]);
    }
    // Nothing changed so far.
    expect([await me(here), await me(elsewhere)]).toEqual([200, 200]);

    expect((await change(here, first, second)).statusCode).toBe(204);
    expect(await me(here)).toBe(200);
    expect(await me(elsewhere)).toBe(401);
    const login = (password: string) =>
      get().app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });
    expect((await login(first)).statusCode).toBe(401);
    expect((await login(second)).statusCode).toBe(200);

    const entries = (
      (await admin.inject({ method: 'GET', url: '/api/audit?entity=password' })).json() as { entries: AuditRecord[] }
    ).entries.filter((e) => e.entityId === here.user.id);
    expect(entries.map((e) => [e.action, e.reason ?? null, e.userId])).toEqual([
      ['update', null, here.user.id],
      ['create', 'wrong_password', here.user.id],
    ]);
  });

  it('works for patients in the portal, and needs a session and the CSRF token', async () => {
    const { email } = await newAccount('pat', { role: 'patient', patientId: get().fixture.otherPatient.id });
    const patient = await get().signInAs(email, first);
    expect(
      (await patient.inject({ method: 'POST', url: '/api/auth/password', csrf: false, payload: {} })).statusCode,
    ).toBe(403);
    expect(
      (
        await get().app.inject({
          method: 'POST',
          url: '/api/auth/password',
          payload: { currentPassword: first, newPassword: second },
        })
      ).statusCode,
    ).toBe(401);
    expect((await change(patient, first, second)).statusCode).toBe(204);
    expect((await get().signInAs(email, second)).user.role).toBe('patient');
  });
});
