import { CompiledQuery, type KyselyPlugin } from 'kysely';
import type { Db, Engine } from '../storage/create-database.js';

/** The database with every query it runs recorded (compiled, as sent), for tests of query plans. */
export function recordingQueries(db: Db): { db: Db; queries: CompiledQuery[] } {
  const queries: CompiledQuery[] = [];
  const plugin: KyselyPlugin = {
    transformQuery: ({ node, queryId }) => {
      queries.push(db.getExecutor().compileQuery(node, queryId));
      return node;
    },
    transformResult: async ({ result }) => result,
  };
  return { db: db.withPlugin(plugin), queries };
}

/** The engine's plan for a recorded query, one line per step (SQLite's EXPLAIN QUERY PLAN, PostgreSQL's EXPLAIN). */
export async function queryPlan(db: Db, engine: Engine, query: CompiledQuery): Promise<string[]> {
  const sqlite = engine === 'sqlite';
  const { rows } = await db.executeQuery<Record<string, string>>(
    CompiledQuery.raw(`${sqlite ? 'explain query plan' : 'explain'} ${query.sql}`, [...query.parameters]),
  );
  return rows.map((r) => String(sqlite ? r.detail : r['QUERY PLAN']));
}
