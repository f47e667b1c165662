import { sql } from 'kysely';
import type { Migration } from 'kysely/migration';
import { editorColumns, idColumn, index, indexColumns, oneOf, ownedTable, type MigrationDb } from './schema-helpers.js';

// Listed here, not imported: a migration describes the schema as it was made, whatever the code becomes.
const reasons = [
  'deferred',
  'contraindicated',
  'screening_incomplete',
  'clinician_first',
  'no_suitable_time',
  'patient_choice',
];
const statuses = ['open', 'handled'];

/**
 * The patient portal's self-service (issue 19):
 *
 * - `portal_settings`: per clinic, how many hours before a session patients may still move or cancel
 *   it online (no row: 24 hours); an admin changes it on the clinic set-up page;
 * - `consultation_requests`: a patient asking to be called for a consultation, online, instead of
 *   booking (a screening that needs a clinician never books) or before a first visit. The reason
 *   is the screening's outcome, fixed when the request is made; the front desk marks it handled.
 */
export const portalSelfServiceMigration: Migration = {
  async up(db: MigrationDb) {
    await ownedTable(db, 'portal_settings', 'clinic_id', 'clinics')
      // A month at most: beyond that, nothing could ever be moved online.
      .addColumn('notice_hours', 'integer', (c) => c.notNull().check(sql`notice_hours >= 0 and notice_hours <= 720`))
      .$call(editorColumns)
      .execute();
    await indexColumns(db, 'portal_settings', ['updated_by']);

    await idColumn(db.schema.createTable('consultation_requests'))
      .addColumn('clinic_id', 'text', (c) => c.notNull().references('clinics.id').onDelete('cascade'))
      .addColumn('patient_id', 'text', (c) => c.notNull().references('patients.id'))
      .addColumn('assessment_id', 'text', (c) => c.references('assessments.id'))
      .addColumn('reason', 'text', oneOf('reason', reasons))
      .addColumn('note', 'text')
      .addColumn('status', 'text', (c) => oneOf('status', statuses)(c).defaultTo('open'))
      .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('handled_at', 'text')
      .addColumn('handled_by', 'text', (c) => c.references('users.id').onDelete('set null'))
      // Handled means who and when, always both.
      .addCheckConstraint(
        'consultation_requests_handled_check',
        sql`(status = 'open' and handled_at is null) or (status = 'handled' and handled_at is not null)`,
      )
      .execute();
    await indexColumns(db, 'consultation_requests', ['patient_id', 'assessment_id', 'created_by', 'handled_by']);
    // The front desk's list: a clinic's open requests, oldest first.
    await index(db, 'consultation_requests_clinic_status_idx', 'consultation_requests', [
      'clinic_id',
      'status',
      'created_at',
    ]).execute();
  },
  async down(db: MigrationDb) {
    for (const table of ['consultation_requests', 'portal_settings']) await db.schema.dropTable(table).execute();
  },
};
