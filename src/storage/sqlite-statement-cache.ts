import type SqliteDatabase from 'better-sqlite3';
import type { SqliteDatabase as KyselySqliteDatabase } from 'kysely';
import { recentlyUsed } from './recently-used.js';

/**
 * The SQLite handle Kysely gets, with prepared statements kept by SQL text. Kysely prepares every
 * query it runs, and preparing costs more than running the simple lookups a request makes; the
 * same few dozen statements serve nearly all requests. Safe because Kysely's SQLite driver uses one
 * connection at a time (a stream holds it until done), and SQLite re-prepares a statement by itself
 * when a migration changes the schema under it. The least recently used statements are dropped
 * past `size` (multi-row inserts make a new text for each row count).
 */
export function withStatementCache(sqlite: SqliteDatabase.Database, size = 500): KyselySqliteDatabase {
  const statements = new Map<string, SqliteDatabase.Statement>();
  return {
    close: () => sqlite.close(),
    prepare: (sql) => recentlyUsed(statements, sql, size, () => sqlite.prepare(sql)),
  };
}
