import { sql, type Selectable } from 'kysely';
import type { LoginThrottlesTable } from '../database-schema.js';
import type { LoginThrottleKey, LoginThrottleRepository, LoginThrottleState } from './login-throttle-repository.js';
import type { RepositoryContext } from './repository-context.js';
import { rowMapper } from './row-mapper.js';

const toState = rowMapper<Selectable<LoginThrottlesTable>, LoginThrottleState>()(
  'scope, key, failures, last_try_at, previous_try_at, locked_until',
  { failures: Number },
);

export function kyselyLoginThrottleRepository({ db, now }: RepositoryContext): LoginThrottleRepository {
  const byKey = ({ scope, key }: LoginThrottleKey) =>
    db.updateTable('login_throttles').where('scope', '=', scope).where('key', '=', key);
  return {
    async find(keys) {
      if (keys.length === 0) return [];
      const rows = await db
        .selectFrom('login_throttles')
        .selectAll()
        .where((eb) => eb.or(keys.map(({ scope, key }) => eb.and([eb('scope', '=', scope), eb('key', '=', key)]))))
        .execute();
      return rows.map(toState);
    },
    async countTry({ scope, key }, forgetBefore) {
      const at = now();
      // In an upsert both engines read `login_throttles.x` as the row before this statement.
      const forget = sql<boolean>`(login_throttles.last_try_at < ${forgetBefore} or (login_throttles.locked_until is not null and login_throttles.locked_until <= ${at}))`;
      const row = await db
        .insertInto('login_throttles')
        .values({ scope, key, failures: 1, last_try_at: at, previous_try_at: null, locked_until: null })
        .onConflict((oc) =>
          oc.columns(['scope', 'key']).doUpdateSet({
            failures: sql<number>`case when ${forget} then 1 else login_throttles.failures + 1 end`,
            previous_try_at: sql<string | null>`case when ${forget} then null else login_throttles.last_try_at end`,
            locked_until: sql<string | null>`case when ${forget} then null else login_throttles.locked_until end`,
            last_try_at: at,
          }),
        )
        .returningAll()
        .executeTakeFirstOrThrow();
      return toState(row);
    },
    async uncountTry(key) {
      await byKey(key)
        .set({ failures: sql<number>`case when failures > 0 then failures - 1 else 0 end` })
        .execute();
    },
    async lock(key, until) {
      await byKey(key).set({ locked_until: until }).execute();
    },
    async clear({ scope, key }) {
      const result = await db
        .deleteFrom('login_throttles')
        .where('scope', '=', scope)
        .where('key', '=', key)
        .executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },
    async prune(before) {
      const result = await db
        .deleteFrom('login_throttles')
        .where('last_try_at', '<', before)
        .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', now())]))
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}
