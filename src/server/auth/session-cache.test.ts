import { beforeAll, expect, it } from 'vitest';
import { forEachEngine } from '../../test-support/test-databases.js';
import type { UserRecord } from '../../core/records/index.js';
import { createRepositories, type Repositories } from '../../storage/repositories/repositories.js';
import { withSessionCache } from './session-cache.js';
import { createStaff } from '../../test-support/stored-records.js';

forEachEngine('session cache', (getDb) => {
  let plain: Repositories;
  let user: UserRecord;
  let clock = new Date('2026-01-01T10:00:00.000Z');
  const expiresAt = '2026-01-01T12:00:00.000Z';

  beforeAll(async () => {
    plain = createRepositories(getDb(), { now: () => clock });
    const clinic = await plain.clinics.create({ name: 'Cache' });
    user = await createStaff(plain, { clinicId: clinic.id, email: 'cache@x.test', displayName: 'Cached' });
  });

  it('answers from memory for a while, but not past the session expiry', async () => {
    const repos = withSessionCache(plain, { ttlMs: 60_000, now: () => clock });
    await plain.authSessions.create({ userId: user.id, tokenHash: 'ttl', expiresAt });
    expect((await repos.authSessions.findActive('ttl'))?.user.id).toBe(user.id);
    // A change the cache cannot see (another process): still served from memory within the TTL.
    await plain.users.update(user.id, { displayName: 'Renamed elsewhere' });
    expect((await repos.authSessions.findActive('ttl'))?.user.displayName).toBe('Cached');
    clock = new Date('2026-01-01T12:00:01.000Z');
    expect(await repos.authSessions.findActive('ttl')).toBeUndefined();
    clock = new Date('2026-01-01T10:00:00.000Z');
    await plain.users.update(user.id, { displayName: 'Cached' });
  });

  it('asks the database again once the TTL has passed', async () => {
    const repos = withSessionCache(plain, { ttlMs: 1, now: () => clock });
    const session = await plain.authSessions.create({ userId: user.id, tokenHash: 'short', expiresAt });
    expect(await repos.authSessions.findActive('short')).toBeDefined();
    await plain.authSessions.delete(session.id);
    await new Promise((r) => setTimeout(r, 5));
    expect(await repos.authSessions.findActive('short')).toBeUndefined();
  });

  it('forgets at once what this process signs out, deactivates or changes, also inside transactions', async () => {
    const repos = withSessionCache(plain, { ttlMs: 60_000, now: () => clock });
    const one = await plain.authSessions.create({ userId: user.id, tokenHash: 'one', expiresAt });
    await plain.authSessions.create({ userId: user.id, tokenHash: 'two', expiresAt });
    expect(await repos.authSessions.findActive('one')).toBeDefined();
    expect(await repos.authSessions.findActive('two')).toBeDefined();

    await repos.authSessions.delete(one.id);
    expect(await repos.authSessions.findActive('one')).toBeUndefined();
    expect(await repos.authSessions.findActive('two')).toBeDefined();

    await repos.transaction((tx) => tx.users.update(user.id, { role: 'reception' }));
    expect((await repos.authSessions.findActive('two'))?.user.role).toBe('reception');

    await repos.transaction((tx) => tx.transaction((inner) => inner.authSessions.deleteForUser(user.id)));
    expect(await repos.authSessions.findActive('two')).toBeUndefined();
    await plain.users.update(user.id, { role: 'practitioner' });
  });
});
