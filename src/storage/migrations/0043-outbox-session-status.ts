import type { Migration } from 'kysely/migration';
import { index, type MigrationDb } from './schema-helpers.js';

const name = 'outbox_messages_session_status_idx';

/**
 * Cancelling a session's pending messages (a move, a cancellation, a re-screening that stops it)
 * looks them up by session and status. SQLite, with both the (session_id, kind) and the
 * (status, next_attempt_at) index matching one column each, took the second: every pending message
 * of every clinic was read, 9 ms a call with 6,000 of them, growing with the outbox and holding the
 * event loop. This index matches both columns, so the lookup reads the session's few rows.
 */
export const outboxSessionStatusMigration: Migration = {
  async up(db: MigrationDb) {
    await index(db, name, 'outbox_messages', ['session_id', 'status']).execute();
  },
  async down(db: MigrationDb) {
    await db.schema.dropIndex(name).execute();
  },
};
