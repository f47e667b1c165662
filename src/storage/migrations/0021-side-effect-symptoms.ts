import { sql } from 'kysely';
import type { Migration } from 'kysely/migration';
import type { MigrationDb } from './schema-helpers.js';

const DAY_MS = 86_400_000;

/**
 * Side-effect reports as the structured form makes them: the symptom codes ticked, the onset as days
 * after the session (what a patient can say), and whether the patient or staff made the report.
 * Existing reports get their days and reporter worked out from what they have.
 */
export const sideEffectSymptomsMigration: Migration = {
  async up(db: MigrationDb) {
    // Nullable: reports from before this migration did not say.
    await db.schema.alterTable('side_effect_reports').addColumn('symptoms', 'text').execute();
    await db.schema
      .alterTable('side_effect_reports')
      .addColumn('onset_days', 'integer', (c) => c.check(sql`onset_days >= 0`))
      .execute();
    await db.schema
      .alterTable('side_effect_reports')
      .addColumn('reported_by', 'text', (c) => c.check(sql`reported_by in ('patient', 'staff')`))
      .execute();

    // Backfilled in code, as in 0011: date arithmetic differs between SQLite and PostgreSQL, and the table is small.
    const { rows } = await sql<{ id: string; onset: string | null; scheduled_at: string; role: string | null }>`
      select r.id, r.onset, s.scheduled_at, u.role
      from side_effect_reports r
      join treatment_sessions s on s.id = r.session_id
      left join users u on u.id = r.reporter_user_id`.execute(db);
    for (const row of rows) {
      const days =
        row.onset === null
          ? null
          : Math.max(0, Math.floor((Date.parse(row.onset) - Date.parse(row.scheduled_at)) / DAY_MS));
      const reporter = row.role === null ? null : row.role === 'patient' ? 'patient' : 'staff';
      await sql`update side_effect_reports set onset_days = ${Number.isFinite(days) ? days : null}, reported_by = ${reporter} where id = ${row.id}`.execute(
        db,
      );
    }
  },

  async down(db: MigrationDb) {
    for (const column of ['reported_by', 'onset_days', 'symptoms'])
      await db.schema.alterTable('side_effect_reports').dropColumn(column).execute();
  },
};
