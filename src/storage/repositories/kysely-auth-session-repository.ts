import type { Selectable } from 'kysely';
import type { AuthSessionsTable } from '../database-schema.js';
import { newId } from '../ids.js';
import type { AuthSessionRepository } from './auth-session-repository.js';
import { toUser } from './kysely-user-repository.js';
import type { AuthSessionRecord } from '../../core/records/index.js';
import type { RepositoryContext } from './repository-context.js';

function toSession(
  row: Pick<Selectable<AuthSessionsTable>, 'id' | 'user_id' | 'user_agent' | 'created_at' | 'expires_at'>,
): AuthSessionRecord {
  return {
    id: row.id,
    userId: row.user_id,
    userAgent: row.user_agent,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
  };
}

export function kyselyAuthSessionRepository({ db, now }: RepositoryContext): AuthSessionRepository {
  return {
    async create({ userId, tokenHash, expiresAt, userAgent }) {
      const row = {
        id: newId(),
        token_hash: tokenHash,
        user_id: userId,
        user_agent: userAgent ?? null,
        created_at: now(),
        expires_at: expiresAt,
      };
      await db.insertInto('auth_sessions').values(row).execute();
      return toSession(row);
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
      await db.deleteFrom('auth_sessions').where('id', '=', id).execute();
    },
    async deleteForUser(userId) {
      await db.deleteFrom('auth_sessions').where('user_id', '=', userId).execute();
    },
    async deleteExpired() {
      const result = await db.deleteFrom('auth_sessions').where('expires_at', '<=', now()).executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}
