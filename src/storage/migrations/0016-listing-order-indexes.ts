import type { Migration } from 'kysely/migration';
import type { MigrationDb } from './schema-helpers.js';

/**
 * Indexes in the order lists are read, so a page is an index range rather than a sort of every match:
 * the day's schedule (sessions by time, then id) — with a million patients one day holds thousands of
 * sessions — and the audit log, newest first, of a clinic, a patient or a user. Each composite index
 * replaces the single-column one it starts with (one B-tree fewer for every audit entry written).
 */
export const listingOrderIndexesMigration: Migration = {
  async up(db: MigrationDb) {
    await db.schema
      .createIndex('treatment_sessions_schedule_order_idx')
      .on('treatment_sessions')
      .columns(['scheduled_at', 'id'])
      .execute();
    await db.schema.dropIndex('treatment_sessions_scheduled_at_idx').execute();
    for (const column of ['clinic_id', 'patient_id', 'user_id'])
      await db.schema.createIndex(`audit_log_${column}_at_idx`).on('audit_log').columns([column, 'at', 'id']).execute();
    for (const column of ['at', 'clinic_id', 'patient_id', 'user_id'])
      await db.schema.dropIndex(`audit_log_${column}_idx`).execute();
  },
  async down(db: MigrationDb) {
    await db.schema
      .createIndex('treatment_sessions_scheduled_at_idx')
      .on('treatment_sessions')
      .column('scheduled_at')
      .execute();
    await db.schema.dropIndex('treatment_sessions_schedule_order_idx').execute();
    for (const column of ['at', 'clinic_id', 'patient_id', 'user_id'])
      await db.schema.createIndex(`audit_log_${column}_idx`).on('audit_log').column(column).execute();
    for (const column of ['clinic_id', 'patient_id', 'user_id'])
      await db.schema.dropIndex(`audit_log_${column}_at_idx`).execute();
  },
};
