import { type ColumnDefinitionBuilder, type CreateTableBuilder } from 'kysely';
import { idColumn, index, indexColumns, oneOf, timestampColumns, type MigrationDb } from './schema-helpers.js';

const statuses = ['pending', 'sending', 'sent', 'failed', 'cancelled'];

/**
 * outbox_messages as 0014 made it (`forSessions`: every message about a session and its patient), or
 * as 0024 remade it on SQLite for staff messages, which have neither.
 */
export function outboxTable(table: CreateTableBuilder<string, never>, kinds: readonly string[], forSessions: boolean) {
  const required = (c: ColumnDefinitionBuilder) => (forSessions ? c.notNull() : c);
  return timestampColumns(
    idColumn(table)
      .addColumn('session_id', 'text', (c) => required(c).references('treatment_sessions.id'))
      .addColumn('patient_id', 'text', (c) => required(c).references('patients.id'))
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
  );
}

export async function outboxIndexes(db: MigrationDb): Promise<void> {
  await indexColumns(db, 'outbox_messages', ['patient_id', 'clinic_id']);
  // What the worker's claim looks for: pending rows by the time they are next due.
  await index(db, 'outbox_messages_status_next_attempt_idx', 'outbox_messages', [
    'status',
    'next_attempt_at',
  ]).execute();
}
