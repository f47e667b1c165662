import { describe, expect, it } from 'vitest';
import { addressKey, defaultLoginLimits, loginHold, waitSeconds } from './login-limits.js';

describe('login limits', () => {
  const now = new Date('2030-01-01T12:00:00.000Z');
  const ago = (seconds: number) => new Date(now.getTime() - seconds * 1000).toISOString();

  it('doubles the wait with each failure past the free ones, up to the most', () => {
    expect([4, 5, 6, 7, 8].map((n) => waitSeconds(n, 5, 300))).toEqual([0, 1, 2, 4, 8]);
    expect(waitSeconds(20, 5, 300)).toBe(300);
    expect(waitSeconds(1_000_000, 5, 300)).toBe(300);
  });

  it('holds a locked account, then a throttled address, then a throttled account', () => {
    const limits = defaultLoginLimits;
    const account = { failures: 6, lastTryAt: ago(1), lockedUntil: null };
    const address = { failures: 25, lastTryAt: ago(10), lockedUntil: null };
    expect(loginHold({ account, address }, limits, now)).toEqual({
      reason: 'address_throttled',
      retryAfterSeconds: 22,
    });
    expect(loginHold({ account }, limits, now)).toEqual({ reason: 'account_throttled', retryAfterSeconds: 1 });
    expect(loginHold({ account: { ...account, lockedUntil: ago(-90) }, address }, limits, now)).toEqual({
      reason: 'account_locked',
      retryAfterSeconds: 90,
    });
    // An ended lockout, a wait that has passed, failures forgotten after a quiet hour: no hold.
    expect(loginHold({ account: { ...account, lastTryAt: ago(2), lockedUntil: ago(1) } }, limits, now)).toBeUndefined();
    expect(loginHold({ address: { ...address, lastTryAt: ago(3601) } }, limits, now)).toBeUndefined();
    expect(loginHold({}, limits, now)).toBeUndefined();
  });

  it.each([
    ['2001:db8:1:2:aaaa::1', '2001:db8:1:2::/64'],
    ['2001:db8:1:2:ffff:ffff:ffff:ffff', '2001:db8:1:2::/64'],
    ['::ffff:198.51.100.7', '198.51.100.7'],
    ['198.51.100.7', '198.51.100.7'],
    ['not an address', 'not an address'],
  ])('counts IPv6 clients by their /64 and IPv4-mapped addresses as IPv4: %s', (address, key) => {
    expect(addressKey(address)).toBe(key);
  });
});
