import type { Migration } from 'kysely/migration';
import { flagColumn, idColumn, index, indexColumns, oneOf, timestampColumns } from './schema-helpers.js';
import type { MigrationDb } from './schema-helpers.js';

/** Clinics, their locations, staff and patient accounts, and sign-in sessions. */
export const organisationMigration: Migration = {
  async up(db: MigrationDb) {
    await timestampColumns(
      idColumn(db.schema.createTable('clinics')).addColumn('name', 'text', (c) => c.notNull()),
    ).execute();

    await timestampColumns(
      idColumn(db.schema.createTable('locations'))
        .addColumn('clinic_id', 'text', (c) => c.notNull().references('clinics.id'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('address', 'text'),
    ).execute();
    await indexColumns(db, 'locations', ['clinic_id']);

    // Patients come before users because patient accounts point at their patient record.
    await timestampColumns(
      idColumn(db.schema.createTable('patients'))
        .addColumn('clinic_id', 'text', (c) => c.notNull().references('clinics.id'))
        .addColumn('first_name', 'text', (c) => c.notNull())
        .addColumn('last_name', 'text', (c) => c.notNull())
        .addColumn('first_name_key', 'text', (c) => c.notNull())
        .addColumn('last_name_key', 'text', (c) => c.notNull())
        .addColumn('birth_date', 'text', (c) => c.notNull())
        .addColumn('sex', 'text', oneOf('sex', ['female', 'male', 'other', 'unknown']))
        .addColumn('phone', 'text')
        .addColumn('phone_digits', 'text')
        .addColumn('email', 'text'),
    ).execute();
    await indexColumns(db, 'patients', ['clinic_id', 'birth_date', 'phone_digits']);
    await index(db, 'patients_last_name_idx', 'patients', ['last_name_key', 'first_name_key']).execute();
    await index(db, 'patients_first_name_idx', 'patients', ['first_name_key']).execute();

    await timestampColumns(
      idColumn(db.schema.createTable('users'))
        .addColumn('clinic_id', 'text', (c) => c.notNull().references('clinics.id'))
        .addColumn('email', 'text', (c) => c.notNull().unique())
        .addColumn('display_name', 'text', (c) => c.notNull())
        .addColumn('password_hash', 'text', (c) => c.notNull())
        .addColumn('role', 'text', oneOf('role', ['admin', 'practitioner', 'reception', 'patient']))
        .addColumn('patient_id', 'text', (c) => c.references('patients.id'))
        .addColumn('active', 'integer', flagColumn('active', 1)),
    ).execute();
    await indexColumns(db, 'users', ['clinic_id', 'patient_id']);

    await idColumn(db.schema.createTable('auth_sessions'))
      .addColumn('token_hash', 'text', (c) => c.notNull().unique())
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('user_agent', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .execute();
    await indexColumns(db, 'auth_sessions', ['user_id', 'expires_at']);
  },

  async down(db: MigrationDb) {
    for (const table of ['auth_sessions', 'users', 'patients', 'locations', 'clinics'])
      await db.schema.dropTable(table).execute();
  },
};
