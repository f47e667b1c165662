import { expect, it } from 'vitest';
import { forEachEngine } from '../../test-support/test-databases.js';
import { createRepositories } from './repositories.js';
import { createClinicWithStaff } from '../../test-support/stored-records.js';

forEachEngine('auth session repository', (getDb) => {
  it('finds only unexpired sessions of active users', async () => {
    let now = new Date('2026-01-01T10:00:00.000Z');
    const repos = createRepositories(getDb(), { now: () => now });
    const { user } = await createClinicWithStaff(repos, 'Sessions', {
      email: 'sam@sessions.test',
      displayName: 'Sam',
      role: 'reception',
    });
    const session = await repos.authSessions.create({
      userId: user.id,
      tokenHash: 'token-a',
      expiresAt: '2026-01-01T12:00:00.000Z',
      userAgent: 'test',
    });

    expect(await repos.authSessions.findActive('token-a')).toEqual({ session, user });
    expect(await repos.authSessions.findActive('token-b')).toBeUndefined();

    await repos.users.update(user.id, { active: false });
    expect(await repos.authSessions.findActive('token-a')).toBeUndefined();
    await repos.users.update(user.id, { active: true });

    now = new Date('2026-01-01T12:00:00.000Z');
    expect(await repos.authSessions.findActive('token-a')).toBeUndefined();
    expect(await repos.authSessions.deleteExpired()).toBe(1);
  });

  it('deletes one session or all of a user', async () => {
    const repos = createRepositories(getDb());
    const { user } = await createClinicWithStaff(repos, 'Logout', {
      email: 'lou@logout.test',
      displayName: 'Lou',
      role: 'admin',
    });
    const expiresAt = new Date(Date.now() + 3600_000).toISOString();
    const one = await repos.authSessions.create({ userId: user.id, tokenHash: 'one', expiresAt });
    await repos.authSessions.create({ userId: user.id, tokenHash: 'two', expiresAt });
    await repos.authSessions.delete(one.id);
    expect(await repos.authSessions.findActive('one')).toBeUndefined();
    expect(await repos.authSessions.findActive('two')).toBeDefined();
    const three = await repos.authSessions.create({ userId: user.id, tokenHash: 'three', expiresAt });
    await repos.authSessions.deleteForUser(user.id, { except: three.id });
    expect(await repos.authSessions.findActive('two')).toBeUndefined();
    expect(await repos.authSessions.findActive('three')).toBeDefined();
    await repos.authSessions.deleteForUser(user.id);
    expect(await repos.authSessions.findActive('three')).toBeUndefined();
  });
});
