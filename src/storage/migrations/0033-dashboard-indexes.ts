import type { Migration } from 'kysely/migration';
import { index, replaceIndex, type MigrationDb } from './schema-helpers.js';

const dashboard = {
  name: 'treatment_sessions_dashboard_idx',
  columns: ['location_id', 'scheduled_at', 'status', 'practitioner_id', 'room_id', 'duration_minutes'],
};
const locationId = { name: 'treatment_sessions_location_id_idx', columns: ['location_id'] };

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
    await replaceIndex(db, 'treatment_sessions', dashboard, locationId);
    await index(db, 'courses_status_updated_idx', 'courses', ['status', 'updated_at', 'patient_id']).execute();
    const reportColumns = ['created_at', 'session_id', 'triage_level', 'ongoing'];
    await index(db, 'side_effect_reports_created_idx', 'side_effect_reports', reportColumns).execute();
    const paymentColumns = ['clinic_id', 'received_at', 'currency', 'method', 'amount_minor'];
    await index(db, 'payments_takings_idx', 'payments', paymentColumns).execute();
    await index(db, 'patients_id_clinic_idx', 'patients', ['id', 'clinic_id']).execute();
  },
  async down(db: MigrationDb) {
    await db.schema.dropIndex('patients_id_clinic_idx').execute();
    await db.schema.dropIndex('payments_takings_idx').execute();
    await db.schema.dropIndex('side_effect_reports_created_idx').execute();
    await db.schema.dropIndex('courses_status_updated_idx').execute();
    await replaceIndex(db, 'treatment_sessions', locationId, dashboard);
  },
};
