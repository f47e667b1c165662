import type { Migration } from 'kysely/migration';
import type { MigrationDb } from './schema-helpers.js';

/**
 * Indexes the dashboard's panels read as ranges (src/storage/repositories/kysely-dashboard-repository.ts),
 * so that a month or a year of a clinic with a million patients is an index range, not a table scan:
 *
 * - sessions by location and start, carrying every column the sessions and utilisation panels group
 *   or sum, so both read the index alone. It starts with location_id, so it also serves the
 *   foreign key and replaces the single-column index;
 * - completed courses by the time they were completed (`updated_at` of a completed course);
 * - side-effect reports by the time they were made, carrying what the panel counts;
 * - payments by clinic and time received, carrying what the takings panel sums (the index of 0030
 *   on the first two columns alone makes the engine fetch every payment's row);
 * - patients by id with their clinic, so that the check that a course is the clinic's (completed
 *   courses, sessions booked without a location) reads an index entry instead of the patient's row.
 */
export const dashboardIndexesMigration: Migration = {
  async up(db: MigrationDb) {
    await db.schema
      .createIndex('treatment_sessions_dashboard_idx')
      .on('treatment_sessions')
      .columns(['location_id', 'scheduled_at', 'status', 'practitioner_id', 'room_id', 'duration_minutes'])
      .execute();
    await db.schema.dropIndex('treatment_sessions_location_id_idx').execute();
    await db.schema
      .createIndex('courses_status_updated_idx')
      .on('courses')
      .columns(['status', 'updated_at', 'patient_id'])
      .execute();
    await db.schema
      .createIndex('side_effect_reports_created_idx')
      .on('side_effect_reports')
      .columns(['created_at', 'session_id', 'triage_level', 'ongoing'])
      .execute();
    await db.schema
      .createIndex('payments_takings_idx')
      .on('payments')
      .columns(['clinic_id', 'received_at', 'currency', 'method', 'amount_minor'])
      .execute();
    await db.schema.createIndex('patients_id_clinic_idx').on('patients').columns(['id', 'clinic_id']).execute();
  },
  async down(db: MigrationDb) {
    await db.schema.dropIndex('patients_id_clinic_idx').execute();
    await db.schema.dropIndex('payments_takings_idx').execute();
    await db.schema.dropIndex('side_effect_reports_created_idx').execute();
    await db.schema.dropIndex('courses_status_updated_idx').execute();
    await db.schema
      .createIndex('treatment_sessions_location_id_idx')
      .on('treatment_sessions')
      .column('location_id')
      .execute();
    await db.schema.dropIndex('treatment_sessions_dashboard_idx').execute();
  },
};
