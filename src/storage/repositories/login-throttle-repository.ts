/** Whose failed sign-in tries a row counts: an account (its normalised email) or a client address. */
export type LoginThrottleScope = 'account' | 'address';

export interface LoginThrottleKey {
  scope: LoginThrottleScope;
  key: string;
}

/** Recent failed tries of one key; a try in progress counts until it is taken back. */
export interface LoginThrottleState extends LoginThrottleKey {
  failures: number;
  lastTryAt: string;
  /** The try before the last one, when it was not forgotten. */
  previousTryAt: string | null;
  lockedUntil: string | null;
}

/**
 * Counters behind the sign-in limits (services/accounts/login-limits.ts), shared by every server
 * process that uses the database. Each call is one statement: parallel tries get distinct counts.
 */
export interface LoginThrottleRepository {
  find(keys: readonly LoginThrottleKey[]): Promise<LoginThrottleState[]>;
  /**
   * Counts one more try and returns the state after it. Tries are forgotten first when the last one
   * was before `forgetBefore`, or when a lockout has ended since.
   */
  countTry(key: LoginThrottleKey, forgetBefore: string): Promise<LoginThrottleState>;
  /** Takes back a try counted by `countTry` (it succeeded, or was refused before any password check). */
  uncountTry(key: LoginThrottleKey): Promise<void>;
  /** Locks the key until the given time. */
  lock(key: LoginThrottleKey, until: string): Promise<void>;
  /** Forgets the key's tries and any lockout; true when there were any. */
  clear(key: LoginThrottleKey): Promise<boolean>;
  /** Removes rows whose last try was before `before` and that are not locked; returns how many. */
  prune(before: string): Promise<number>;
}
