import { sql, type ColumnDefinitionBuilder, type CreateTableBuilder } from 'kysely';
import type { Migration } from 'kysely/migration';
import { engineOf } from '../create-database.js';
import { idColumn, indexColumns, oneOf, timestampColumns, type MigrationDb } from './schema-helpers.js';

const sessionKinds = ['booking_confirmation', 'preparation_reminder', 'day_before_reminder', 'aftercare', 'check_in'];
/** Messages to a clinic's staff, about no session: a burst of refused requests by one user. */
const staffKinds = ['denial_alert'];
const statuses = ['pending', 'sending', 'sent', 'failed', 'cancelled'];

/** outbox_messages as 0014 made it, but for the session and patient, which staff messages lack. */
function outboxTable(table: CreateTableBuilder<string, never>, kinds: readonly string[], forSessions: boolean) {
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
      .addUniqueConstraint('outbox_messages_session_kind_unique', ['session_id', 'kind']),
  );
}

/** SQLite changes neither NOT NULL nor a CHECK in place: the table is made again and its rows copied. */
async function rebuildSqliteOutbox(db: MigrationDb, kinds: readonly string[], forSessions: boolean): Promise<void> {
  await outboxTable(db.schema.createTable('outbox_messages_next'), kinds, forSessions).execute();
  await sql`insert into outbox_messages_next select * from outbox_messages`.execute(db);
  await db.schema.dropTable('outbox_messages').execute();
  await sql`alter table outbox_messages_next rename to outbox_messages`.execute(db);
  await indexColumns(db, 'outbox_messages', ['patient_id', 'clinic_id']);
  await db.schema
    .createIndex('outbox_messages_status_next_attempt_idx')
    .on('outbox_messages')
    .columns(['status', 'next_attempt_at'])
    .execute();
}

async function setPostgresKinds(db: MigrationDb, kinds: readonly string[]): Promise<void> {
  const list = sql.join(kinds.map((k) => sql.lit(k)));
  await sql`alter table outbox_messages drop constraint outbox_messages_kind_check`.execute(db);
  await sql`alter table outbox_messages add constraint outbox_messages_kind_check check (kind in (${list}))`.execute(
    db,
  );
}

/**
 * Refused requests in the audit log (issue 23). The entries themselves need nothing new: 0022 gave
 * the log a reason (why a request was refused) and the client's address. What is new:
 *
 * - `via`: how a request got in when it was not by a sign-in: `calendar_feed:<id>` for a calendar
 *   app fetching a subscription address, so the read is not taken for the owner's own;
 * - an index of the refused entries alone, by clinic and time: the admin view of refusals per user
 *   then reads those, not the clinic's whole log;
 * - the outbox carries messages to staff too (an alert to the clinic's admins about a burst of
 *   refusals by one user), which are about no session or patient.
 */
export const deniedAccessAuditMigration: Migration = {
  async up(db: MigrationDb) {
    await db.schema.alterTable('audit_log').addColumn('via', 'text').execute();
    await db.schema
      .createIndex('audit_log_refused_idx')
      .on('audit_log')
      .columns(['clinic_id', 'at'])
      .where(sql.ref('reason'), 'is not', null)
      .execute();

    if (engineOf(db) === 'postgres') {
      for (const column of ['session_id', 'patient_id'])
        await sql`alter table outbox_messages alter column ${sql.ref(column)} drop not null`.execute(db);
      await setPostgresKinds(db, [...sessionKinds, ...staffKinds]);
    } else {
      await rebuildSqliteOutbox(db, [...sessionKinds, ...staffKinds], false);
    }
  },

  async down(db: MigrationDb) {
    await sql`delete from outbox_messages where session_id is null or patient_id is null or kind in (${sql.join(
      staffKinds.map((k) => sql.lit(k)),
    )})`.execute(db);
    if (engineOf(db) === 'postgres') {
      await setPostgresKinds(db, sessionKinds);
      for (const column of ['session_id', 'patient_id'])
        await sql`alter table outbox_messages alter column ${sql.ref(column)} set not null`.execute(db);
    } else {
      await rebuildSqliteOutbox(db, sessionKinds, true);
    }
    await db.schema.dropIndex('audit_log_refused_idx').execute();
    await db.schema.alterTable('audit_log').dropColumn('via').execute();
  },
};
