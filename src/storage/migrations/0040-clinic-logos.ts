import type { Migration } from 'kysely/migration';
import { editorColumns, index, ownedTable, type MigrationDb } from './schema-helpers.js';

/**
 * The clinic's logo, printed on every sheet a patient is given. Kept in the database (base64, a few
 * hundred kilobytes at most) rather than beside the photos on disk, so a backup or a second server
 * process has it without copying files.
 */
export const clinicLogosMigration: Migration = {
  async up(db: MigrationDb) {
    await ownedTable(db, 'clinic_logos', 'clinic_id', 'clinics')
      .addColumn('mime', 'text', (c) => c.notNull())
      .addColumn('data_base64', 'text', (c) => c.notNull())
      .addColumn('bytes', 'integer', (c) => c.notNull())
      .$call(editorColumns)
      .execute();
    // Deleting a user sets this to null: without an index, that would read the whole table.
    await index(db, 'clinic_logos_updated_by_idx', 'clinic_logos', ['updated_by']).execute();
  },
  async down(db: MigrationDb) {
    await db.schema.dropTable('clinic_logos').execute();
  },
};
