import { sql } from 'kysely';
import { type Migration } from 'kysely/migration';
import { authorColumns, idColumn, indexColumns, requiredText, type MigrationDb } from './schema-helpers.js';

/** Versioned intakes (the contract's request) and the assessments computed from them. */
export const intakesMigration: Migration = {
  async up(db: MigrationDb) {
    await idColumn(db.schema.createTable('intakes'))
      .addColumn('patient_id', 'text', (c) => c.notNull().references('patients.id'))
      .addColumn('version', 'integer', (c) => c.notNull().check(sql`version > 0`))
      .addColumn('data', 'text', (c) => c.notNull())
      .$call(authorColumns)
      // Two simultaneous saves cannot both become version n: one gets a unique violation.
      .addUniqueConstraint('intakes_patient_version_unique', ['patient_id', 'version'])
      .execute();
    await indexColumns(db, 'intakes', ['created_by']);

    // intake_id and patient_id are null for ad-hoc assessments (POST /api/assessments).
    await idColumn(db.schema.createTable('assessments'))
      .addColumn('intake_id', 'text', (c) => c.references('intakes.id'))
      .addColumn('patient_id', 'text', (c) => c.references('patients.id'))
      .$call(requiredText('result', 'verdict', 'knowledge_base_version'))
      .$call(authorColumns)
      .execute();
    await indexColumns(db, 'assessments', ['intake_id', 'patient_id', 'created_by']);
  },

  async down(db: MigrationDb) {
    await db.schema.dropTable('assessments').execute();
    await db.schema.dropTable('intakes').execute();
  },
};
