import type { Migration } from 'kysely/migration';
import { ownedTable, type MigrationDb } from './schema-helpers.js';

/**
 * Marks the clinics `mesodesk demo` and the first start made as demo clinics, in the database
 * itself: a backup restored into a data folder carries its own answer, so a real clinic put back
 * where a demo was is never taken for one and reset.
 */
export const demoClinicsMigration: Migration = {
  async up(db: MigrationDb) {
    await ownedTable(db, 'demo_clinics', 'clinic_id', 'clinics')
      .addColumn('seed', 'integer', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
  },
  async down(db: MigrationDb) {
    await db.schema.dropTable('demo_clinics').execute();
  },
};
