import type { Db } from '../create-database.js';

/** What every Kysely repository needs: a connection (or a transaction) and the clock. */
export interface RepositoryContext {
  db: Db;
  /** Now, as an ISO 8601 timestamp. */
  now(): string;
}
