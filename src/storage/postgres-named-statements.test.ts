import { randomBytes } from 'node:crypto';
import type { PostgresPoolClient } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseUrl, testEngines, withAdmin } from '../test-support/test-databases.js';
import { withNamedStatements } from './postgres-named-statements.js';

const name = `mesodesk_test_${Math.floor(Date.now() / 1000)}_${randomBytes(6).toString('hex')}`;

describe.runIf(testEngines.some((e) => e.engine === 'postgres'))(
  'PostgreSQL queries as named prepared statements',
  () => {
    let pool: pg.Pool;

    beforeAll(async () => {
      await withAdmin((client) => client.query(`create database "${name}"`));
      // One connection, so every query below meets the statements the earlier ones prepared.
      pool = new pg.Pool({ connectionString: databaseUrl(name), max: 1 });
      await pool.query('create table items (id integer primary key, label text not null)');
      await pool.query("insert into items values (1, 'one'), (2, 'two')");
    });

    afterAll(async () => {
      await pool.end();
      await withAdmin((client) => client.query(`drop database if exists "${name}" with (force)`));
    });

    /** What the connection of `client` has prepared (asked on that connection: the list is per session). */
    async function prepared(client: PostgresPoolClient): Promise<string[]> {
      const { rows } = await client.query<{ statement: string }>(
        'select statement from pg_prepared_statements order by statement',
        [],
      );
      return rows.map((r) => r.statement);
    }

    it('prepares a text with parameters once it has run twice, and gives the same answers', async () => {
      const named = withNamedStatements(pool);
      const client = await named.connect();
      await client.query('deallocate all', []);
      try {
        const text = 'select label from items where id = $1';
        expect((await client.query(text, [1])).rows).toEqual([{ label: 'one' }]);
        expect(await prepared(client)).not.toContain(text);
        expect((await client.query(text, [2])).rows).toEqual([{ label: 'two' }]);
        expect((await client.query(text, [1])).rows).toEqual([{ label: 'one' }]);
        expect(await prepared(client)).toContain(text);
        // Without parameters a text may hold several statements, which cannot be prepared.
        await client.query("select 1; select 'two'", []);
        await client.query("select 1; select 'two'", []);
        await client.query("select 1; select 'two'", []);
        expect((await prepared(client)).filter((s) => s.includes("'two'"))).toEqual([]);
      } finally {
        client.release();
      }
    });

    it('keeps at most the configured number of statements per connection, running the rest unnamed', async () => {
      const named = withNamedStatements(pool, { runsBeforeNaming: 1, perConnection: 3 });
      const client = await named.connect();
      await client.query('deallocate all', []);
      try {
        for (let i = 0; i < 6; i++)
          expect((await client.query(`select label, ${i} as n from items where id = $1`, [1])).rows).toEqual([
            { label: 'one', n: i },
          ]);
        expect((await prepared(client)).filter((s) => s.includes(' as n from items'))).toHaveLength(3);
      } finally {
        client.release();
      }
    });

    it('runs a query again when a schema change altered the columns of its prepared statement, outside a transaction', async () => {
      const named = withNamedStatements(pool, { runsBeforeNaming: 1 });
      const client = await named.connect();
      await client.query('deallocate all', []);
      try {
        const text = 'select * from items where id = $1';
        expect((await client.query(text, [1])).rows).toEqual([{ id: 1, label: 'one' }]);
        await client.query("alter table items add column colour text not null default 'red'", []);
        expect((await client.query(text, [1])).rows).toEqual([{ id: 1, label: 'one', colour: 'red' }]);

        // Inside a transaction the failed statement has already failed the transaction: the error is the caller's.
        await client.query('begin', []);
        await client.query('alter table items add column size integer', []);
        await expect(client.query(text, [1])).rejects.toThrow(/cached plan must not change result type/);
        await client.query('rollback', []);
        expect((await client.query(text, [2])).rows).toEqual([{ id: 2, label: 'two', colour: 'red' }]);
      } finally {
        client.release();
      }
    });
  },
);
