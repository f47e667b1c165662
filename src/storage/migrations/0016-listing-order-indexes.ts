import type { Migration } from 'kysely/migration';
import { index, replaceIndex, type MigrationDb } from './schema-helpers.js';

const scheduleOrder = { name: 'treatment_sessions_schedule_order_idx', columns: ['scheduled_at', 'id'] };
const scheduledAt = { name: 'treatment_sessions_scheduled_at_idx', columns: ['scheduled_at'] };

/**
 * Indexes in the order lists are read, so a page is an index range rather than a sort of every match:
 * the day's schedule (sessions by time, then id) — with a million patients one day holds thousands of
 * sessions — and the audit log, newest first, of a clinic, a patient or a user. Each composite index
 * replaces the single-column one it starts with (one B-tree fewer for every audit entry written).
 */
export const listingOrderIndexesMigration: Migration = {
  async up(db: MigrationDb) {
    await replaceIndex(db, 'treatment_sessions', scheduleOrder, scheduledAt);
    for (const column of ['clinic_id', 'patient_id', 'user_id'])
      await index(db, `audit_log_${column}_at_idx`, 'audit_log', [column, 'at', 'id']).execute();
    for (const column of ['at', 'clinic_id', 'patient_id', 'user_id'])
      await db.schema.dropIndex(`audit_log_${column}_idx`).execute();
  },
  async down(db: MigrationDb) {
    await replaceIndex(db, 'treatment_sessions', scheduledAt, scheduleOrder);
    for (const column of ['at', 'clinic_id', 'patient_id', 'user_id'])
      await index(db, `audit_log_${column}_idx`, 'audit_log', [column]).execute();
    for (const column of ['clinic_id', 'patient_id', 'user_id'])
      await db.schema.dropIndex(`audit_log_${column}_at_idx`).execute();
  },
};
