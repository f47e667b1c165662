import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { engineOf, type Db } from './create-database.js';

/** What a try at running work alone gave: its result, or nothing when another process held the lock. */
export type ExclusiveRun<T> = { ran: true; value: T } | { ran: false };

/** A PostgreSQL advisory lock key (a signed 64-bit number) for a lock name, the same in every process. */
export function advisoryLockKey(name: string): string {
  return createHash('sha256').update(`mesodesk:${name}`).digest().readBigInt64BE(0).toString();
}

/**
 * Runs `work` while holding the lock `name` across every server process on the database. The lock
 * is a PostgreSQL session-level advisory lock on one connection kept for the whole run (`work`
 * itself uses the others), so it ends with the run, or with the connection if the process dies.
 * `wait: false` gives up at once when another process holds it. On SQLite, one process holds the
 * data folder at a time (data-dir-lock.ts): the work simply runs.
 */
async function withLock<T>(db: Db, name: string, wait: boolean, work: () => Promise<T>): Promise<ExclusiveRun<T>> {
  if (engineOf(db) !== 'postgres') return { ran: true, value: await work() };
  const key = advisoryLockKey(name);
  return db.connection().execute(async (connection) => {
    if (wait) await sql`select pg_advisory_lock(${key}::bigint)`.execute(connection);
    else {
      const { rows } = await sql<{ locked: boolean }>`select pg_try_advisory_lock(${key}::bigint) as locked`.execute(
        connection,
      );
      if (!rows[0]?.locked) return { ran: false };
    }
    try {
      return { ran: true, value: await work() };
    } finally {
      await sql`select pg_advisory_unlock(${key}::bigint)`.execute(connection);
    }
  });
}

/** Runs `work` unless another process is running work under the same name; then does nothing. */
export function tryExclusively<T>(db: Db, name: string, work: () => Promise<T>): Promise<ExclusiveRun<T>> {
  return withLock(db, name, false, work);
}

/** Runs `work` once no other process is running work under the same name (waiting for it). */
export async function exclusively<T>(db: Db, name: string, work: () => Promise<T>): Promise<T> {
  const run = await withLock(db, name, true, work);
  if (!run.ran) throw new Error(`the lock "${name}" was not taken`);
  return run.value;
}
