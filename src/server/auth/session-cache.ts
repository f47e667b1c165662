import type { AuthSessionRecord, UserRecord } from '../../core/records/index.js';
import type { Repositories } from '../../storage/repositories/repositories.js';

type Found = { session: AuthSessionRecord; user: UserRecord };

/**
 * How long a session looked up in one process is trusted there without asking the database again:
 * with several server processes, the bound on how long a sign-out, a deactivation or a role change
 * made through one process may go unnoticed by another (docs/multi-process.md).
 */
export const sessionCacheTtlMs = 5_000;

export interface SessionCacheOptions {
  /** How long a looked-up session is trusted without asking the database again. */
  ttlMs?: number;
  maxEntries?: number;
  /** The application's clock (session expiry is checked against it on every request). */
  now?: () => Date;
}

/**
 * Every signed-in request looked its session and user up in the database; within one process the
 * answer is kept for a few seconds, keyed by the token's hash. Signing out, deleting a user's
 * sessions (deactivation, password or role change) and any change to a user through these
 * repositories forget the affected entries at once, and expiry is still checked on every request.
 * Another server process sharing the database learns of a sign-out only when its entry ages out,
 * so `ttlMs` bounds how long a signed-out session can still work there.
 */
export function withSessionCache(repos: Repositories, options: SessionCacheOptions = {}): Repositories {
  const ttlMs = options.ttlMs ?? sessionCacheTtlMs;
  const maxEntries = options.maxEntries ?? 10_000;
  const now = options.now ?? (() => new Date());
  const entries = new Map<string, { found: Found; until: number }>();
  // Counts invalidations: a lookup that was in flight while one happened may have read the row
  // just before it was deleted or changed, so its answer is served once but not kept.
  let generation = 0;

  const forget = (match: (found: Found) => boolean) => {
    generation++;
    for (const [key, entry] of entries) if (match(entry.found)) entries.delete(key);
  };

  // `afterCommit` collects, inside a transaction, what to forget again once it commits: until then
  // other connections still see the old rows and may cache them.
  const wrap = (inner: Repositories, afterCommit?: (() => void)[]): Repositories => {
    const invalidate = (match: (found: Found) => boolean) => {
      forget(match);
      afterCommit?.push(() => forget(match));
    };
    return {
      ...inner,
      authSessions: {
        ...inner.authSessions,
        async findActive(tokenHash) {
          const cached = entries.get(tokenHash);
          if (cached && cached.until > performance.now()) {
            if (cached.found.session.expiresAt > now().toISOString()) return cached.found;
            entries.delete(tokenHash);
            return undefined;
          }
          const startedAt = generation;
          const found = await inner.authSessions.findActive(tokenHash);
          if (found && generation === startedAt) {
            if (entries.size >= maxEntries) entries.clear();
            entries.set(tokenHash, { found, until: performance.now() + ttlMs });
          } else {
            entries.delete(tokenHash);
          }
          return found;
        },
        async delete(id) {
          invalidate((f) => f.session.id === id);
          await inner.authSessions.delete(id);
          // Again after the change: a lookup racing with it may have cached the old row meanwhile.
          invalidate((f) => f.session.id === id);
        },
        async deleteForUser(userId, options) {
          const ended = (f: Found) => f.user.id === userId && f.session.id !== options?.except;
          invalidate(ended);
          await inner.authSessions.deleteForUser(userId, options);
          invalidate(ended);
        },
      },
      users: {
        ...inner.users,
        async update(id, patch) {
          invalidate((f) => f.user.id === id);
          const updated = await inner.users.update(id, patch);
          invalidate((f) => f.user.id === id);
          return updated;
        },
      },
      transaction: afterCommit
        ? (work) => inner.transaction((tx) => work(wrap(tx, afterCommit)))
        : async (work) => {
            const committed: (() => void)[] = [];
            const result = await inner.transaction((tx) => work(wrap(tx, committed)));
            for (const again of committed) again();
            return result;
          },
    };
  };
  return wrap(repos);
}
