import { expect, it } from 'vitest';
import { forEachEngine } from '../../test-support/test-databases.js';
import { createRepositories } from './repositories.js';

forEachEngine('login throttle repository', (getDb) => {
  let now = new Date('2026-03-01T10:00:00.000Z');
  const repos = () => createRepositories(getDb(), { now: () => now });
  const at = (iso: string) => {
    now = new Date(iso);
  };

  it('counts tries, remembering the one before, and forgets them after a quiet spell', async () => {
    const key = { scope: 'account', key: 'ana@counts.test' } as const;
    at('2026-03-01T10:00:00.000Z');
    expect(await repos().loginThrottles.countTry(key, '2026-03-01T09:00:00.000Z')).toEqual({
      ...key,
      failures: 1,
      lastTryAt: '2026-03-01T10:00:00.000Z',
      previousTryAt: null,
      lockedUntil: null,
    });
    at('2026-03-01T10:00:05.000Z');
    expect(await repos().loginThrottles.countTry(key, '2026-03-01T09:00:05.000Z')).toMatchObject({
      failures: 2,
      lastTryAt: '2026-03-01T10:00:05.000Z',
      previousTryAt: '2026-03-01T10:00:00.000Z',
    });
    await repos().loginThrottles.uncountTry(key);
    expect(await repos().loginThrottles.find([key])).toMatchObject([{ failures: 1 }]);
    // The last try was before `forgetBefore`: counting starts again.
    at('2026-03-01T12:00:00.000Z');
    expect(await repos().loginThrottles.countTry(key, '2026-03-01T11:00:00.000Z')).toMatchObject({
      failures: 1,
      previousTryAt: null,
    });
  });

  it('gives parallel tries distinct counts', async () => {
    const key = { scope: 'address', key: '198.51.100.7' } as const;
    const counts = await Promise.all(
      Array.from({ length: 12 }, () => repos().loginThrottles.countTry(key, '2000-01-01T00:00:00.000Z')),
    );
    expect(counts.map((c) => c.failures).sort((a, b) => a - b)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
  });

  it('locks until a time, forgets the lockout once it has ended, and clears on demand', async () => {
    const key = { scope: 'account', key: 'bo@locks.test' } as const;
    const other = { scope: 'address', key: 'bo@locks.test' } as const;
    at('2026-03-02T10:00:00.000Z');
    await repos().loginThrottles.countTry(key, '2026-03-02T09:00:00.000Z');
    await repos().loginThrottles.countTry(key, '2026-03-02T09:00:00.000Z');
    await repos().loginThrottles.countTry(other, '2026-03-02T09:00:00.000Z');
    await repos().loginThrottles.lock(key, '2026-03-02T10:15:00.000Z');
    expect(await repos().loginThrottles.find([key, other])).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ ...key, failures: 2, lockedUntil: '2026-03-02T10:15:00.000Z' }),
        expect.objectContaining({ ...other, failures: 1, lockedUntil: null }),
      ]),
    );
    // Still locked: the count goes on.
    at('2026-03-02T10:10:00.000Z');
    expect(await repos().loginThrottles.countTry(key, '2026-03-02T09:10:00.000Z')).toMatchObject({
      failures: 3,
      lockedUntil: '2026-03-02T10:15:00.000Z',
    });
    // Ended: a fresh start.
    at('2026-03-02T10:16:00.000Z');
    expect(await repos().loginThrottles.countTry(key, '2026-03-02T09:16:00.000Z')).toMatchObject({
      failures: 1,
      lockedUntil: null,
    });
    expect(await repos().loginThrottles.clear(key)).toBe(true);
    expect(await repos().loginThrottles.clear(key)).toBe(false);
    expect(await repos().loginThrottles.find([key])).toEqual([]);
  });

  it('prunes rows of old tries that are not locked', async () => {
    const old = { scope: 'address', key: '203.0.113.50' } as const;
    const locked = { scope: 'account', key: 'cy@prune.test' } as const;
    const fresh = { scope: 'address', key: '203.0.113.51' } as const;
    at('2026-03-03T08:00:00.000Z');
    await repos().loginThrottles.countTry(old, '2026-03-03T07:00:00.000Z');
    await repos().loginThrottles.countTry(locked, '2026-03-03T07:00:00.000Z');
    await repos().loginThrottles.lock(locked, '2026-03-03T12:00:00.000Z');
    at('2026-03-03T10:00:00.000Z');
    await repos().loginThrottles.countTry(fresh, '2026-03-03T09:00:00.000Z');
    expect(await repos().loginThrottles.prune('2026-03-03T09:00:00.000Z')).toBeGreaterThanOrEqual(1);
    const left = await repos().loginThrottles.find([old, locked, fresh]);
    expect(left.map((s) => s.key).sort()).toEqual(['203.0.113.51', 'cy@prune.test']);
  });
});
