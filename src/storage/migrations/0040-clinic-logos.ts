import type { Migration } from 'kysely/migration';
import type { MigrationDb } from './schema-helpers.js';

/**
 * The clinic's logo, printed on every sheet a patient is given. Kept in the database (base64, a few
 * hundred kilobytes at most) rather than beside the photos on disk, so a backup or a second server
 * process has it without copying files.
 */
export const clinicLogosMigration: Migration = {
  async up(db: MigrationDb) {
    await db.schema
      .createTable('clinic_logos')
      .addColumn('clinic_id', 'text', (c) => c.primaryKey().references('clinics.id').onDelete('cascade'))
      .addColumn('mime', 'text', (c) => c.notNull())
      .addColumn('data_base64', 'text', (c) => c.notNull())
      .addColumn('bytes', 'integer', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('updated_by', 'text', (c) => c.references('users.id').onDelete('set null'))
      .execute();
    // Deleting a user sets this to null: without an index, that would read the whole table.
    await db.schema.createIndex('clinic_logos_updated_by_idx').on('clinic_logos').column('updated_by').execute();
  },
  async down(db: MigrationDb) {
    await db.schema.dropTable('clinic_logos').execute();
  },
};
