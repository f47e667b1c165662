import type { Selectable } from 'kysely';
import type { CalendarFeedsTable } from '../database-schema.js';
import { newId } from '../ids.js';
import type { CalendarFeedRecord, CalendarFeedRepository } from './calendar-feed-repository.js';
import { toUser } from './kysely-user-repository.js';
import { firstRecord } from './first-record.js';
import type { RepositoryContext } from './repository-context.js';
import { rowMapper } from './row-mapper.js';

const toFeed = rowMapper<Pick<Selectable<CalendarFeedsTable>, 'id' | 'user_id' | 'created_at'>, CalendarFeedRecord>()(
  'id, user_id, created_at',
);

export function kyselyCalendarFeedRepository({ db, now }: RepositoryContext): CalendarFeedRepository {
  return {
    async replace(userId, tokenHash) {
      const row = { id: newId(), user_id: userId, token_hash: tokenHash, created_at: now() };
      // One statement either engine commits on its own: two rotations at once leave exactly one feed.
      await db
        .insertInto('calendar_feeds')
        .values(row)
        .onConflict((oc) =>
          oc.column('user_id').doUpdateSet({ id: row.id, token_hash: tokenHash, created_at: row.created_at }),
        )
        .execute();
      return toFeed(row);
    },
    async remove(userId) {
      const result = await db.deleteFrom('calendar_feeds').where('user_id', '=', userId).executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },
    findByUser: (userId) =>
      firstRecord(
        db.selectFrom('calendar_feeds').select(['id', 'user_id', 'created_at']).where('user_id', '=', userId),
        toFeed,
      ),
    async findActive(tokenHash) {
      const row = await db
        .selectFrom('calendar_feeds as f')
        .innerJoin('users as u', 'u.id', 'f.user_id')
        .selectAll('u')
        .select(['f.id as feed_id', 'f.created_at as feed_created_at'])
        .where('f.token_hash', '=', tokenHash)
        .where('u.active', '=', 1)
        .executeTakeFirst();
      return (
        row && {
          feed: toFeed({ id: row.feed_id, user_id: row.id, created_at: row.feed_created_at }),
          user: toUser(row),
        }
      );
    },
  };
}
