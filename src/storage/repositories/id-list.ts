import { sql, type Expression, type SqlBool } from 'kysely';
import type { Engine } from '../create-database.js';

/**
 * `column` is one of `ids`, with the list as one parameter: a JSON array on SQLite, an array on
 * PostgreSQL. One SQL text for any number of ids, so batch queries do not fill the statement cache
 * (or the planner's) with a text per list length, nor meet SQLite's bound-parameter limit.
 */
export function oneOfIds(engine: Engine, column: string, ids: readonly string[]): Expression<SqlBool> {
  return engine === 'postgres'
    ? sql<SqlBool>`${sql.ref(column)} = any(${[...ids]}::text[])`
    : sql<SqlBool>`${sql.ref(column)} in (select value from json_each(${JSON.stringify(ids)}))`;
}
