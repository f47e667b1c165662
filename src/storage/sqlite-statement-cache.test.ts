import SqliteDatabase from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { withStatementCache } from './sqlite-statement-cache.js';

describe('withStatementCache', () => {
  it('prepares each SQL text once, keeps the most recently used, and follows schema changes', async () => {
    const sqlite = new SqliteDatabase(':memory:');
    const cached = withStatementCache(sqlite, 2);
    const a = cached.prepare('select 1 as n');
    expect(cached.prepare('select 1 as n')).toBe(a);
    const b = cached.prepare('select 2 as n');
    cached.prepare('select 1 as n');
    cached.prepare('select 3 as n');
    // "select 2" was the least recently used of three: dropped; "select 1" kept.
    expect(cached.prepare('select 1 as n')).toBe(a);
    expect(cached.prepare('select 2 as n')).not.toBe(b);

    const db = new Kysely<Record<string, never>>({ dialect: new SqliteDialect({ database: cached }) });
    await sql`create table t (a integer)`.execute(db);
    await sql`insert into t (a) values (1)`.execute(db);
    expect((await sql`select * from t`.execute(db)).rows).toEqual([{ a: 1 }]);
    await sql`alter table t add column b text`.execute(db);
    expect((await sql`select * from t`.execute(db)).rows).toEqual([{ a: 1, b: null }]);
    await db.destroy();
    expect(sqlite.open).toBe(false);
  });
});
