import { sql } from 'kysely';
import type { Migration } from 'kysely/migration';
import { engineOf } from '../create-database.js';
import { setPostgresKinds } from './outbox-kinds.js';
import { outboxIndexes, outboxTable } from './outbox-table.js';
import { index, type MigrationDb } from './schema-helpers.js';

const sessionKinds = ['booking_confirmation', 'preparation_reminder', 'day_before_reminder', 'aftercare', 'check_in'];
/** Messages to a clinic's staff, about no session: a burst of refused requests by one user. */
const staffKinds = ['denial_alert'];

/** SQLite changes neither NOT NULL nor a CHECK in place: the table is made again and its rows copied. */
async function rebuildSqliteOutbox(db: MigrationDb, kinds: readonly string[], forSessions: boolean): Promise<void> {
  await outboxTable(db.schema.createTable('outbox_messages_next'), kinds, forSessions).execute();
  await sql`insert into outbox_messages_next select * from outbox_messages`.execute(db);
  await db.schema.dropTable('outbox_messages').execute();
  await sql`alter table outbox_messages_next rename to outbox_messages`.execute(db);
  await outboxIndexes(db);
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
    await index(db, 'audit_log_refused_idx', 'audit_log', ['clinic_id', 'at'])
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
