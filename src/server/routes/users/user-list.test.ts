import { expect, it } from 'vitest';
import { forEachApp } from '../../../test-support/test-app.js';

forEachApp('the users list', (get) => {
  it('shows each user’s lockout until an admin lifts it', async () => {
    const admin = await get().signIn('admin');
    const { reception, practitioner } = get().fixture.users;
    const until = new Date(Date.now() + 10 * 60_000).toISOString();
    await get().repos.loginThrottles.countTry({ scope: 'account', key: reception.email }, new Date(0).toISOString());
    await get().repos.loginThrottles.lock({ scope: 'account', key: reception.email }, until);
    // A lockout that has run out is no lockout.
    await get().repos.loginThrottles.countTry({ scope: 'account', key: practitioner.email }, new Date(0).toISOString());
    await get().repos.loginThrottles.lock({ scope: 'account', key: practitioner.email }, new Date(0).toISOString());

    const lockedOf = async () =>
      new Map(
        (await admin.inject({ method: 'GET', url: '/api/users' }))
          .json()
          .users.map((u: { id: string; lockedUntil: string | null }) => [u.id, u.lockedUntil]),
      );
    const locked = await lockedOf();
    expect(locked.get(reception.id)).toBe(until);
    expect(locked.get(practitioner.id)).toBeNull();
    expect(locked.get(get().fixture.users.admin.id)).toBeNull();

    expect((await admin.inject({ method: 'DELETE', url: `/api/users/${reception.id}/lockout` })).statusCode).toBe(204);
    expect((await lockedOf()).get(reception.id)).toBeNull();
  });
});
