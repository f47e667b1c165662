import type { Migration } from 'kysely/migration';
import { idColumn, indexColumns, oneOf, timestampColumns, type MigrationDb } from './schema-helpers.js';

const kinds = ['booking_confirmation', 'preparation_reminder', 'day_before_reminder', 'aftercare', 'check_in'];
const statuses = ['pending', 'sending', 'sent', 'failed', 'cancelled'];

/**
 * The outbox: messages to patients are written with the booking that needs them (so they commit
 * or roll back with it) and sent later by a worker that claims due rows, retries failures and takes
 * over claims whose lock expired.
 */
export const outboxMigration: Migration = {
  async up(db: MigrationDb) {
    await timestampColumns(
      idColumn(db.schema.createTable('outbox_messages'))
        .addColumn('session_id', 'text', (c) => c.notNull().references('treatment_sessions.id'))
        .addColumn('patient_id', 'text', (c) => c.notNull().references('patients.id'))
        .addColumn('clinic_id', 'text', (c) => c.notNull().references('clinics.id'))
        .addColumn('kind', 'text', oneOf('kind', kinds))
        .addColumn('channel', 'text', oneOf('channel', ['email', 'log']))
        .addColumn('recipient', 'text', (c) => c.notNull())
        .addColumn('subject', 'text', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('fingerprint', 'text', (c) => c.notNull())
        .addColumn('due_at', 'text', (c) => c.notNull())
        .addColumn('status', 'text', oneOf('status', statuses))
        .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('last_error', 'text')
        .addColumn('next_attempt_at', 'text', (c) => c.notNull())
        .addColumn('locked_by', 'text')
        .addColumn('locked_until', 'text')
        .addColumn('sent_at', 'text')
        // Also the index for session_id: rebooking replaces a session's message of a kind in place.
        .addUniqueConstraint('outbox_messages_session_kind_unique', ['session_id', 'kind']),
    ).execute();
    await indexColumns(db, 'outbox_messages', ['patient_id', 'clinic_id']);
    // What the worker's claim looks for: pending rows by the time they are next due.
    await db.schema
      .createIndex('outbox_messages_status_next_attempt_idx')
      .on('outbox_messages')
      .columns(['status', 'next_attempt_at'])
      .execute();
  },

  async down(db: MigrationDb) {
    await db.schema.dropTable('outbox_messages').execute();
  },
};
