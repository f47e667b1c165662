import type { UserRecord } from '../../core/records/index.js';
import type { LoginThrottleKey, LoginThrottleState } from '../../storage/repositories/login-throttle-repository.js';
import type { Repositories } from '../../storage/repositories/repositories.js';
import { addressKey, loginHold, type LoginHold, type LoginLimits, type TriesBefore } from './login-limits.js';
import type { PasswordHasher } from './password-hasher.js';

/** Why a password check failed after the password was compared. */
export type PasswordFailure = 'wrong_password' | 'unknown_account' | 'inactive_account';

export type PasswordCheck =
  | { kind: 'passed'; user: UserRecord }
  /** `user`: the account tried, when it exists; `lockedUntil`: this failure locked it. */
  | { kind: 'failed'; reason: PasswordFailure; user?: UserRecord; lockedUntil?: string }
  /** Turned away before the password was compared. */
  | { kind: 'limited'; reason: LoginHold; retryAfterSeconds: number; user?: UserRecord };

export interface PasswordCheckDeps {
  repos: Repositories;
  hasher: PasswordHasher;
  limits: LoginLimits;
  now?: () => Date;
}

export interface PasswordTry {
  email: string;
  password: string;
  /** The client's address as the server sees it (behind a trusted proxy, the address it reports). */
  clientAddress: string;
}

/** The tries that came before, as the stored counts show them. */
const countedSoFar = (state: LoginThrottleState | undefined): TriesBefore | undefined =>
  state && { failures: state.failures, lastTryAt: state.lastTryAt, lockedUntil: state.lockedUntil };

/** The tries that came before this one, once this one is counted. */
const countedBeforeThis = (state: LoginThrottleState): TriesBefore => ({
  failures: state.failures - 1,
  lastTryAt: state.previousTryAt,
  lockedUntil: state.lockedUntil,
});

/**
 * Checks an email and password within the sign-in limits (login-limits.ts), for signing in and for
 * confirming the current password. The try is counted before the (slow) password comparison, so
 * that parallel tries cannot all slip under a limit; a successful one is then taken back from its
 * address and clears its account. Unknown emails are counted and locked like accounts, so the
 * answers do not reveal which emails exist.
 */
export async function checkPassword(deps: PasswordCheckDeps, attempt: PasswordTry): Promise<PasswordCheck> {
  const { repos, hasher, limits } = deps;
  const now = deps.now?.() ?? new Date();
  const account: LoginThrottleKey = { scope: 'account', key: attempt.email.trim().toLowerCase() };
  const address: LoginThrottleKey = { scope: 'address', key: addressKey(attempt.clientAddress) };
  const forgetBefore = new Date(now.getTime() - limits.forgetAfterMinutes * 60_000).toISOString();

  const [credentials, states] = await Promise.all([
    repos.users.findCredentials(attempt.email),
    repos.loginThrottles.find([account, address]),
  ]);
  const user = credentials?.user;
  const withUser = user ? { user } : {};

  // Turned away on what is already counted, without writing anything.
  const before = loginHold(
    {
      account: countedSoFar(states.find((s) => s.scope === 'account')),
      address: countedSoFar(states.find((s) => s.scope === 'address')),
    },
    limits,
    now,
  );
  if (before) return { kind: 'limited', ...before, ...withUser };

  const [accountTry, addressTry] = await Promise.all([
    repos.loginThrottles.countTry(account, forgetBefore),
    repos.loginThrottles.countTry(address, forgetBefore),
  ]);
  const counted = loginHold(
    { account: countedBeforeThis(accountTry), address: countedBeforeThis(addressTry) },
    limits,
    now,
  );
  if (counted) {
    await Promise.all([repos.loginThrottles.uncountTry(account), repos.loginThrottles.uncountTry(address)]);
    return { kind: 'limited', ...counted, ...withUser };
  }

  const failed = async (reason: PasswordFailure): Promise<PasswordCheck> => {
    if (accountTry.failures < limits.lockoutFailures) return { kind: 'failed', reason, ...withUser };
    const lockedUntil = new Date(now.getTime() + limits.lockoutMinutes * 60_000).toISOString();
    await repos.loginThrottles.lock(account, lockedUntil);
    return { kind: 'failed', reason, ...withUser, lockedUntil };
  };
  if (!credentials) {
    await hasher.verifyNothing(attempt.password);
    return failed('unknown_account');
  }
  if (!(await hasher.verify(credentials.passwordHash, attempt.password))) return failed('wrong_password');
  if (!credentials.user.active) return failed('inactive_account');
  await Promise.all([
    repos.loginThrottles.clear(account),
    repos.loginThrottles.uncountTry(address),
    repos.loginThrottles.prune(forgetBefore),
  ]);
  return { kind: 'passed', user: credentials.user };
}
