import type { Migration } from 'kysely/migration';
import { idColumn, indexColumns, oneOf, timestampColumns, type MigrationDb } from './schema-helpers.js';

/** Treatment courses (a plan taken from an assessment) and their scheduled sessions. */
export const coursesMigration: Migration = {
  async up(db: MigrationDb) {
    await timestampColumns(
      idColumn(db.schema.createTable('courses'))
        .addColumn('patient_id', 'text', (c) => c.notNull().references('patients.id'))
        .addColumn('assessment_id', 'text', (c) => c.references('assessments.id'))
        .addColumn('indication', 'text', (c) => c.notNull())
        .addColumn('area', 'text', (c) => c.notNull())
        .addColumn('plan', 'text', (c) => c.notNull())
        .addColumn('status', 'text', oneOf('status', ['active', 'completed', 'cancelled']))
        .addColumn('created_by', 'text', (c) => c.references('users.id')),
    ).execute();
    await indexColumns(db, 'courses', ['patient_id', 'assessment_id', 'created_by']);

    await timestampColumns(
      idColumn(db.schema.createTable('treatment_sessions'))
        .addColumn('course_id', 'text', (c) => c.notNull().references('courses.id'))
        .addColumn('scheduled_at', 'text', (c) => c.notNull())
        .addColumn('duration_minutes', 'integer')
        .addColumn('practitioner_id', 'text', (c) => c.references('users.id'))
        .addColumn('location_id', 'text', (c) => c.references('locations.id'))
        .addColumn('status', 'text', oneOf('status', ['planned', 'done', 'cancelled', 'no_show']))
        .addColumn('flag_verdict', 'text')
        .addColumn('flag_reasons', 'text')
        .addColumn('flagged_at', 'text'),
    ).execute();
    await indexColumns(db, 'treatment_sessions', ['course_id', 'practitioner_id', 'location_id', 'scheduled_at']);
  },

  async down(db: MigrationDb) {
    await db.schema.dropTable('treatment_sessions').execute();
    await db.schema.dropTable('courses').execute();
  },
};
