import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

  it('gives the same rows as better-sqlite3 itself: duplicate names, nulls, blobs, RETURNING and streams', async () => {
    const sqlite = new SqliteDatabase(':memory:');
    const db = new Kysely<{ t: { id: number; name: string | null; data: Buffer | null } }>({
      dialect: new SqliteDialect({ database: withStatementCache(sqlite) }),
    });
    await sql`create table t (id integer primary key, name text, data blob)`.execute(db);
    await sql`insert into t (id, name, data) values (1, 'one', x'00ff'), (2, null, null), (3, 'three', x'')`.execute(
      db,
    );
    const texts = [
      'select * from t order by id',
      'select id, name as id, 7 as n from t order by 1',
      'select t.*, x.name from t join t as x on x.id = t.id order by t.id',
      'select count(*) as n, max(name) from t',
      'select * from t where id > 100',
    ];
    for (const text of texts) expect((await sql.raw(text).execute(db)).rows, text).toEqual(sqlite.prepare(text).all());
    const returned = await db.insertInto('t').values({ id: 4, name: 'four', data: null }).returningAll().execute();
    expect(returned).toEqual([{ id: 4, name: 'four', data: null }]);
    const streamed: unknown[] = [];
    for await (const row of db.selectFrom('t').selectAll().orderBy('id').stream()) streamed.push(row);
    expect(streamed).toEqual(sqlite.prepare('select * from t order by id').all());
    await db.destroy();
  });

  it('names the columns anew after a schema change, made through it or by another connection', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mesodesk-statements-'));
    try {
      const file = join(dir, 'db.sqlite');
      const sqlite = new SqliteDatabase(file);
      const db = new Kysely<Record<string, never>>({
        dialect: new SqliteDialect({ database: withStatementCache(sqlite) }),
      });
      await sql`create table t (a integer, b text)`.execute(db);
      await sql`insert into t (a, b) values (1, 'x')`.execute(db);
      expect((await sql`select * from t`.execute(db)).rows).toEqual([{ a: 1, b: 'x' }]);
      await sql`alter table t rename column b to c`.execute(db);
      expect((await sql`select * from t`.execute(db)).rows).toEqual([{ a: 1, c: 'x' }]);

      const other = new SqliteDatabase(file);
      other.exec('alter table t add column d text');
      other.close();
      expect((await sql`select * from t`.execute(db)).rows).toEqual([{ a: 1, c: 'x', d: null }]);
      await db.destroy();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
