import { sql } from 'kysely';
import type { Migration } from 'kysely/migration';
import type { MigrationDb } from './schema-helpers.js';

/**
 * Who gave a session's patient rating (issue 23): the patient through the portal, whose rating is
 * theirs alone to change, or staff passing on what the patient said at the desk. Null where no rating
 * is given, and on ratings from before this migration, whose giver nothing records: staff may still
 * change those.
 */
export const patientRatingByMigration: Migration = {
  async up(db: MigrationDb) {
    await db.schema
      .alterTable('outcomes')
      .addColumn('patient_rating_by', 'text', (c) => c.check(sql`patient_rating_by in ('patient', 'staff')`))
      .execute();
  },

  async down(db: MigrationDb) {
    await db.schema.alterTable('outcomes').dropColumn('patient_rating_by').execute();
  },
};
