import type { Selectable } from 'kysely';
import type { AuthSessionsTable } from '../database-schema.js';
import { newId } from '../ids.js';
import type { AuthSessionRepository } from './auth-session-repository.js';
import { toUser } from './kysely-user-repository.js';
import type { AuthSessionRecord } from '../../core/records/index.js';
import type { RepositoryContext } from './repository-context.js';
import { tableRows } from './table-rows.js';
import { rowMapper } from './row-mapper.js';

const toSession = rowMapper<
  Pick<Selectable<AuthSessionsTable>, 'id' | 'user_id' | 'user_agent' | 'created_at' | 'expires_at'>,
  AuthSessionRecord
>()('id, user_id, user_agent, created_at, expires_at');

export function kyselyAuthSessionRepository({ db, now }: RepositoryContext): AuthSessionRepository {
  const sessions = tableRows(db, 'auth_sessions', toSession);
  return {
    async create({ userId, tokenHash, expiresAt, userAgent }) {
      return sessions.insert({
        id: newId(),
        token_hash: tokenHash,
        user_id: userId,
        user_agent: userAgent ?? null,
        created_at: now(),
        expires_at: expiresAt,
      });
    },
    async findActive(tokenHash) {
      const row = await db
        .selectFrom('auth_sessions as s')
        .innerJoin('users as u', 'u.id', 's.user_id')
        .selectAll('u')
        .select(['s.id as session_id', 's.user_agent', 's.created_at as session_created_at', 's.expires_at'])
        .where('s.token_hash', '=', tokenHash)
        .where('s.expires_at', '>', now())
        .where('u.active', '=', 1)
        .executeTakeFirst();
      if (!row) return undefined;
      return {
        session: toSession({
          id: row.session_id,
          user_id: row.id,
          user_agent: row.user_agent,
          created_at: row.session_created_at,
          expires_at: row.expires_at,
        }),
        user: toUser(row),
      };
    },
    async delete(id) {
      await sessions.deleteById(id);
    },
    async deleteForUser(userId, options) {
      let query = db.deleteFrom('auth_sessions').where('user_id', '=', userId);
      if (options?.except !== undefined) query = query.where('id', '!=', options.except);
      await query.execute();
    },
    async deleteExpired() {
      const result = await db.deleteFrom('auth_sessions').where('expires_at', '<=', now()).executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}
