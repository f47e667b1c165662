import { sql } from 'kysely';
import { type Migration } from 'kysely/migration';
import { authorColumns, idColumn, indexColumns, oneOf, requiredText, timestampColumns } from './schema-helpers.js';
import type { MigrationDb } from './schema-helpers.js';

/** After a session: side-effect reports and their triage, outcomes, and clinical photos. */
export const followUpMigration: Migration = {
  async up(db: MigrationDb) {
    await idColumn(db.schema.createTable('side_effect_reports'))
      .addColumn('session_id', 'text', (c) => c.notNull().references('treatment_sessions.id'))
      .addColumn('reporter_user_id', 'text', (c) => c.references('users.id'))
      .addColumn('symptom', 'text', (c) => c.notNull())
      .addColumn('onset', 'text')
      .addColumn('severity', 'text')
      .addColumn('triage', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await indexColumns(db, 'side_effect_reports', ['session_id', 'reporter_user_id']);

    await idColumn(db.schema.createTable('side_effect_photos'))
      .addColumn('report_id', 'text', (c) => c.notNull().references('side_effect_reports.id').onDelete('cascade'))
      .$call(requiredText('file_path', 'mime', 'created_at'))
      .execute();
    await indexColumns(db, 'side_effect_photos', ['report_id']);

    const rating = (column: string) => sql`${sql.ref(column)} between 1 and 10`;
    await timestampColumns(
      idColumn(db.schema.createTable('outcomes'))
        .addColumn('session_id', 'text', (c) => c.notNull().unique().references('treatment_sessions.id'))
        .addColumn('patient_rating', 'integer', (c) => c.check(rating('patient_rating')))
        .addColumn('practitioner_rating', 'integer', (c) => c.check(rating('practitioner_rating')))
        .addColumn('notes', 'text'),
    ).execute();

    await idColumn(db.schema.createTable('photos'))
      .addColumn('patient_id', 'text', (c) => c.notNull().references('patients.id'))
      .addColumn('session_id', 'text', (c) => c.references('treatment_sessions.id'))
      .addColumn('kind', 'text', oneOf('kind', ['before', 'after']))
      .$call(requiredText('file_path', 'mime'))
      .$call(authorColumns)
      .execute();
    await indexColumns(db, 'photos', ['patient_id', 'session_id', 'created_by']);
  },

  async down(db: MigrationDb) {
    for (const table of ['photos', 'outcomes', 'side_effect_photos', 'side_effect_reports'])
      await db.schema.dropTable(table).execute();
  },
};
