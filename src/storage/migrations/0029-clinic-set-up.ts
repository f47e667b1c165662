import { sql } from 'kysely';
import type { Migration } from 'kysely/migration';
import { editorColumns, index, oneOf, ownedTable, type MigrationDb } from './schema-helpers.js';

// Listed here, not imported: a migration describes the schema as it was made, whatever the code becomes.
const messageKinds = ['booking_confirmation', 'preparation_reminder', 'day_before_reminder', 'aftercare', 'check_in'];
const languages = ['en', 'tr'];

/**
 * What an admin sets up beyond rooms and working hours: each location's opening hours (the course
 * finder books nobody outside them), and the clinic's messages to patients: when they go out and
 * the clinic's own wording of each kind per language (the clinical part is never stored here: it is
 * written from the knowledge base each time).
 */
export const clinicSetUpMigration: Migration = {
  async up(db: MigrationDb) {
    await ownedTable(db, 'location_opening_hours', 'location_id', 'locations')
      .addColumn('weekly_hours', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();

    // Null hours: the default timing (see src/core/messages/message-timing.ts).
    await ownedTable(db, 'message_settings', 'clinic_id', 'clinics')
      .addColumn('language', 'text', oneOf('language', languages))
      .addColumn('preparation_hours_before', 'integer', (c) => c.check(sql`preparation_hours_before > 0`))
      .addColumn('reminder_hours_before', 'integer', (c) => c.check(sql`reminder_hours_before > 0`))
      .addColumn('aftercare_hours_after', 'integer', (c) => c.notNull().check(sql`aftercare_hours_after >= 0`))
      .addColumn('check_in_hours_after', 'integer', (c) => c.notNull().check(sql`check_in_hours_after > 0`))
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('message_templates')
      .addColumn('clinic_id', 'text', (c) => c.notNull().references('clinics.id').onDelete('cascade'))
      .addColumn('kind', 'text', oneOf('kind', messageKinds))
      .addColumn('language', 'text', oneOf('language', languages))
      .addColumn('subject', 'text', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .$call(editorColumns)
      .addPrimaryKeyConstraint('message_templates_pk', ['clinic_id', 'kind', 'language'])
      .execute();
    await index(db, 'message_templates_updated_by_idx', 'message_templates', ['updated_by']).execute();
  },
  async down(db: MigrationDb) {
    for (const table of ['message_templates', 'message_settings', 'location_opening_hours'])
      await db.schema.dropTable(table).execute();
  },
};
