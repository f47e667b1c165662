import { createRequire } from 'node:module';
import { userInfo } from 'node:os';
import { dirname } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, PostgresAdapter, PostgresDialect, SqliteDialect } from 'kysely';
import type pg from 'pg';
import type { Database } from './database-schema.js';
import type { DatabaseConfig } from './database-config.js';
import { withNamedStatements } from './postgres-named-statements.js';
import { withStatementCache } from './sqlite-statement-cache.js';
import { makePrivateDir, makePrivateFile } from './private-files.js';

export type Db = Kysely<Database>;
export type Engine = DatabaseConfig['engine'];

/** How long a SQLite writer waits for another one before giving up with SQLITE_BUSY. */
const sqliteBusyTimeoutMs = 5000;

/** The PostgreSQL driver, loaded only by a server that uses it: a SQLite server starts without it. */
function postgresDriver(): typeof pg {
  return createRequire(import.meta.url)('pg') as typeof pg;
}

export function createDatabase(config: DatabaseConfig): Db {
  if (config.engine === 'postgres') {
    // No JIT compiling: it pays off for long analytic queries, while this server's are short, and the
    // planner's cost estimate (which decides it) runs far too high for paged queries whose filters
    // go together, such as the re-screening's walk through upcoming planned sessions: each page then
    // spent three times longer compiling than running. A DATABASE_URL `options` parameter still wins.
    const pool = new (postgresDriver().Pool)({
      connectionString: withDefaultUser(config.url),
      max: 10,
      options: '-c jit=off',
    });
    // An idle connection closed by the server (restart, admin) must not crash the process: the pool
    // drops that client and opens a new one on the next query.
    pool.on('error', () => undefined);
    return new Kysely<Database>({
      dialect: new PostgresDialect({ pool: config.preparedStatements === false ? pool : withNamedStatements(pool) }),
    });
  }
  return new Kysely<Database>({
    dialect: new SqliteDialect({ database: withStatementCache(openSqlite(config.file)) }),
  });
}

export function openSqlite(file: string): SqliteDatabase.Database {
  if (file !== ':memory:') {
    // Owner-only: SQLite makes its -wal and -shm files with the database file's mode.
    makePrivateDir(dirname(file));
    makePrivateFile(file);
  }
  const sqlite = new SqliteDatabase(file);
  // WAL lets readers (backups, reports) run while the server writes.
  sqlite.pragma('journal_mode = WAL');
  // SQLite ignores foreign keys unless asked, per connection.
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma(`busy_timeout = ${sqliteBusyTimeoutMs}`);
  // In WAL mode: a killed process loses no committed transaction; a power cut may lose the last few,
  // never consistency - without an fsync per transaction.
  sqlite.pragma('synchronous = NORMAL');
  return sqlite;
}

/**
 * Like psql, connect as the current OS user when the URL names none. (pg itself falls back to
 * $USER, which services and containers often leave unset.)
 */
export function withDefaultUser(url: string): string {
  const parsed = new URL(url);
  if (parsed.username) return url;
  const user = process.env.PGUSER || process.env.USER || userInfo().username;
  parsed.username = encodeURIComponent(user);
  return parsed.toString();
}

export function engineOf<DB>(db: Kysely<DB>): Engine {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}
