import { sql } from 'kysely';
import { type Migration } from 'kysely/migration';
import { flagColumn, idColumn, indexColumns, type MigrationDb } from './schema-helpers.js';

/** Versioned consent texts and the signatures given against one exact version. */
export const consentMigration: Migration = {
  async up(db: MigrationDb) {
    await idColumn(db.schema.createTable('consent_texts'))
      .addColumn('clinic_id', 'text', (c) => c.notNull().references('clinics.id'))
      .addColumn('procedure', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull().check(sql`version > 0`))
      .addColumn('text', 'text', (c) => c.notNull())
      .addColumn('active', 'integer', flagColumn('active', 0))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('consent_texts_version_unique', ['clinic_id', 'procedure', 'version'])
      .execute();

    await idColumn(db.schema.createTable('consent_signatures'))
      .addColumn('patient_id', 'text', (c) => c.notNull().references('patients.id'))
      .addColumn('consent_text_id', 'text', (c) => c.notNull().references('consent_texts.id'))
      .addColumn('typed_name', 'text', (c) => c.notNull())
      .addColumn('signature_image', 'text')
      .addColumn('signed_at', 'text', (c) => c.notNull())
      .addColumn('user_agent', 'text')
      .addColumn('user_id', 'text', (c) => c.references('users.id'))
      .execute();
    await indexColumns(db, 'consent_signatures', ['patient_id', 'consent_text_id', 'user_id']);
  },

  async down(db: MigrationDb) {
    await db.schema.dropTable('consent_signatures').execute();
    await db.schema.dropTable('consent_texts').execute();
  },
};
