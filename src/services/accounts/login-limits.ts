import ipaddr from 'ipaddr.js';

/**
 * How many wrong passwords sign-in takes before it slows down and locks. Past the free failures of
 * an account or of a client address, each further try must wait twice as long after the last one
 * (1 s, 2 s, 4 s, ... up to `maxDelaySeconds`); `lockoutFailures` failures in a row lock the
 * account for `lockoutMinutes` (an admin can lift it sooner). A successful sign-in clears its
 * account's count and is not counted against its address.
 */
export interface LoginLimits {
  /** Failed tries of an account before each further one waits. */
  accountFreeFailures: number;
  /** Failed tries of an account, with no success between, that lock it. */
  lockoutFailures: number;
  lockoutMinutes: number;
  /** Failed tries from one client address (any accounts) before each further one waits. */
  addressFreeFailures: number;
  maxDelaySeconds: number;
  /** Failed tries are forgotten after this long without another. */
  forgetAfterMinutes: number;
}

export const defaultLoginLimits: LoginLimits = {
  accountFreeFailures: 5,
  lockoutFailures: 10,
  lockoutMinutes: 15,
  addressFreeFailures: 20,
  maxDelaySeconds: 300,
  forgetAfterMinutes: 60,
};

/** Seconds a try must wait after the last one when `failuresBefore` failed tries came before it. */
export function waitSeconds(failuresBefore: number, freeFailures: number, maxDelaySeconds: number): number {
  if (failuresBefore < freeFailures) return 0;
  return Math.min(maxDelaySeconds, 2 ** Math.min(failuresBefore - freeFailures, 30));
}

const secondsUntil = (at: number, now: Date) => Math.max(1, Math.ceil((at - now.getTime()) / 1000));

/** What a try is judged on for one key: the failed tries counted before it, the last one's time, any lockout. */
export interface TriesBefore {
  failures: number;
  lastTryAt: string | null;
  lockedUntil: string | null;
}

/** Why a try must not go ahead yet. */
export type LoginHold = 'account_locked' | 'account_throttled' | 'address_throttled';

function waitFor(tries: TriesBefore, freeFailures: number, limits: LoginLimits, now: Date): number | undefined {
  if (tries.lastTryAt === null) return undefined;
  const last = Date.parse(tries.lastTryAt);
  if (last < now.getTime() - limits.forgetAfterMinutes * 60_000) return undefined;
  const wait = waitSeconds(tries.failures, freeFailures, limits.maxDelaySeconds);
  const ready = last + wait * 1000;
  return wait > 0 && ready > now.getTime() ? secondsUntil(ready, now) : undefined;
}

/**
 * Whether a try on an account from an address must wait, why, and for how many seconds; undefined
 * when it may go ahead. Keys with no tries counted are left out.
 */
export function loginHold(
  tries: { account?: TriesBefore | undefined; address?: TriesBefore | undefined },
  limits: LoginLimits,
  now: Date,
): { reason: LoginHold; retryAfterSeconds: number } | undefined {
  const { account, address } = tries;
  const lockedUntil = account?.lockedUntil ? Date.parse(account.lockedUntil) : 0;
  if (lockedUntil > now.getTime())
    return { reason: 'account_locked', retryAfterSeconds: secondsUntil(lockedUntil, now) };
  const addressWait = address && waitFor(address, limits.addressFreeFailures, limits, now);
  if (addressWait !== undefined) return { reason: 'address_throttled', retryAfterSeconds: addressWait };
  const accountWait = account && waitFor(account, limits.accountFreeFailures, limits, now);
  if (accountWait !== undefined) return { reason: 'account_throttled', retryAfterSeconds: accountWait };
  return undefined;
}

/**
 * The key under which a client address is counted: IPv6 clients by their /64 network (one
 * subscriber usually holds a whole /64 and could otherwise take a fresh address for every try),
 * IPv4-mapped IPv6 addresses as the IPv4 address, anything unparsable as given.
 */
export function addressKey(address: string): string {
  if (!ipaddr.isValid(address)) return address;
  const parsed = ipaddr.process(address);
  if (parsed.kind() === 'ipv4') return parsed.toString();
  const bytes = parsed.toByteArray().map((byte, i) => (i < 8 ? byte : 0));
  return `${ipaddr.fromByteArray(bytes).toString()}/64`;
}
