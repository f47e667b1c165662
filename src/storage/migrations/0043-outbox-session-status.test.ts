import { describe, expect, it } from 'vitest';
import { queryPlan } from '../../test-support/recorded-queries.js';
import { testEngines } from '../../test-support/test-databases.js';
import { kyselyOutboxRepository } from '../repositories/kysely-outbox-repository.js';
import { withIndexPlans } from './test-support/index-plans.js';

/** Cancelling a session's pending messages reads that session's rows, not every pending message. */
describe.each(testEngines)('0043-outbox-session-status [$engine]', (testEngine) => {
  it("finds a session's pending messages through the session and status index", () =>
    withIndexPlans(testEngine, async (db, recorded) => {
      const outbox = kyselyOutboxRepository({ db: recorded.db, now: () => '2026-03-01T00:00:00.000Z' });
      await outbox.cancelPending('s', { kinds: ['aftercare'], fingerprint: 'f' });
      const compiled = recorded.queries.find((q) => /^update "outbox_messages"/.test(q.sql));
      if (!compiled) throw new Error('cancelPending ran no update');
      const plan = (await queryPlan(db, testEngine.engine, compiled)).join('\n');
      if (testEngine.engine === 'sqlite')
        expect(plan).toMatch(
          /SEARCH outbox_messages USING INDEX outbox_messages_session_status_idx \(session_id=\? AND status=\?\)/,
        );
      else expect(plan).toMatch(/Index Scan using outbox_messages_session_status_idx on outbox_messages/);
      expect(plan).not.toMatch(/outbox_messages_status_next_attempt_idx/);
    }));
});
