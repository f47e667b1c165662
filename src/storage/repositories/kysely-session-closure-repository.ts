import type { Selectable } from 'kysely';
import type { SessionClosureRecord } from '../../core/records/index.js';
import type { SessionClosureReasonsTable } from '../database-schema.js';
import { firstRecord } from './first-record.js';
import type { RepositoryContext } from './repository-context.js';
import type { SessionClosureRepository } from './session-closure-repository.js';
import { rowMapper } from './row-mapper.js';

const toClosure = rowMapper<Selectable<SessionClosureReasonsTable>, SessionClosureRecord>()(
  'session_id, status, reason, recorded_by, recorded_at',
);

export function kyselySessionClosureRepository({ db, now }: RepositoryContext): SessionClosureRepository {
  return {
    async record(input) {
      const row: Selectable<SessionClosureReasonsTable> = {
        session_id: input.sessionId,
        status: input.status,
        reason: input.reason,
        recorded_by: input.recordedBy,
        recorded_at: now(),
      };
      await db.insertInto('session_closure_reasons').values(row).execute();
      return toClosure(row);
    },
    findBySession: (sessionId) =>
      firstRecord(db.selectFrom('session_closure_reasons').selectAll().where('session_id', '=', sessionId), toClosure),
  };
}
