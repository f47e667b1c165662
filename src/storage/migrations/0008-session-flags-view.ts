import { sql } from 'kysely';
import { type Migration } from 'kysely/migration';
import type { MigrationDb } from './schema-helpers.js';

/** Flagged sessions with their patient and clinic, for a "needs review" list. Plain SQL both engines read alike. */
export const sessionFlagsMigration: Migration = {
  async up(db: MigrationDb) {
    await sql`create view session_flags as
      select s.id as session_id, s.course_id, c.patient_id, p.clinic_id, s.scheduled_at, s.status,
             s.flag_verdict, s.flag_reasons, s.flagged_at
      from treatment_sessions s
      join courses c on c.id = s.course_id
      join patients p on p.id = c.patient_id
      where s.flag_verdict is not null`.execute(db);
  },

  async down(db: MigrationDb) {
    await sql`drop view session_flags`.execute(db);
  },
};
