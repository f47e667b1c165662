import { sql } from 'kysely';
import type { Migration } from 'kysely/migration';
import { engineOf } from '../create-database.js';
import { idColumn, index, indexColumns, oneOf, type MigrationDb } from './schema-helpers.js';

/** When a planned session gives up its time: cancelled, moved to another time, or given to another practitioner. */
const freesSlot = (postgres: boolean) =>
  `old.status = 'planned' and (new.status = 'cancelled' or (new.status = 'planned' and (new.scheduled_at <> old.scheduled_at or new.practitioner_id ${postgres ? 'is distinct from' : 'is not'} old.practitioner_id)))`;

/** The opening's columns, from the session as it was (`old`), for either engine's trigger body. */
const openingColumns =
  'id, clinic_id, session_id, location_id, practitioner_id, room_id, starts_at, duration_minutes, reason, created_at';
const openingValues = (id: string, now: string) =>
  `${id}, (select p.clinic_id from courses c join patients p on p.id = c.patient_id where c.id = old.course_id), old.id, old.location_id, old.practitioner_id, old.room_id, old.scheduled_at, old.duration_minutes, case when new.status = 'cancelled' then 'cancelled' else 'moved' end, ${now}`;

/**
 * The front desk (issue 19):
 *
 * - `session_check_ins`: the patient has arrived for the session, when and who marked it (one per
 *   session; undoing a mistaken check-in deletes it, and both are audited);
 * - `waiting_list_entries`: patients waiting for a course of an indication, with the days and times
 *   they can come; an entry is closed (booked or removed), never deleted, and a patient waits at most
 *   once per indication (a partial unique index);
 * - `slot_openings`: the time a planned session gave up, written by a trigger whatever moved or
 *   cancelled it, so that the waiting list can offer the time to someone else;
 * - `side_effect_reports.reported_via`: how a report came in (the portal, a phone call, a visit);
 *   patients' earlier reports can only have come through the portal.
 */
export const frontDeskMigration: Migration = {
  async up(db: MigrationDb) {
    await db.schema
      .createTable('session_check_ins')
      .addColumn('session_id', 'text', (c) => c.primaryKey().references('treatment_sessions.id'))
      .addColumn('checked_in_at', 'text', (c) => c.notNull())
      .addColumn('checked_in_by', 'text', (c) => c.references('users.id'))
      .execute();
    await indexColumns(db, 'session_check_ins', ['checked_in_by']);

    await idColumn(db.schema.createTable('waiting_list_entries'))
      .addColumn('clinic_id', 'text', (c) => c.notNull().references('clinics.id'))
      .addColumn('patient_id', 'text', (c) => c.notNull().references('patients.id'))
      .addColumn('indication', 'text', (c) => c.notNull())
      // JSON lists: ISO weekdays, and { start, end } local times; empty means any.
      .addColumn('weekdays', 'text', (c) => c.notNull())
      .addColumn('times_of_day', 'text', (c) => c.notNull())
      .addColumn('note', 'text')
      .addColumn('status', 'text', oneOf('status', ['waiting', 'booked', 'removed']))
      .addColumn('created_by', 'text', (c) => c.references('users.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('closed_by', 'text', (c) => c.references('users.id'))
      .addColumn('closed_at', 'text')
      .addColumn('booked_course_id', 'text', (c) => c.references('courses.id'))
      .execute();
    await index(db, 'waiting_list_entries_clinic_idx', 'waiting_list_entries', [
      'clinic_id',
      'status',
      'created_at',
    ]).execute();
    await index(db, 'waiting_list_entries_waiting_once_idx', 'waiting_list_entries', ['patient_id', 'indication'])
      .unique()
      .where(sql.ref('status'), '=', sql.lit('waiting'))
      .execute();
    await indexColumns(db, 'waiting_list_entries', ['created_by', 'closed_by', 'booked_course_id']);

    await idColumn(db.schema.createTable('slot_openings'))
      .addColumn('clinic_id', 'text', (c) => c.references('clinics.id'))
      .addColumn('session_id', 'text', (c) => c.notNull().references('treatment_sessions.id'))
      .addColumn('location_id', 'text')
      .addColumn('practitioner_id', 'text')
      .addColumn('room_id', 'text')
      .addColumn('starts_at', 'text', (c) => c.notNull())
      .addColumn('duration_minutes', 'integer')
      .addColumn('reason', 'text', oneOf('reason', ['cancelled', 'moved']))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await index(db, 'slot_openings_clinic_starts_idx', 'slot_openings', ['clinic_id', 'starts_at']).execute();
    await indexColumns(db, 'slot_openings', ['session_id']);

    if (engineOf(db) === 'postgres') {
      await sql
        .raw(
          `create function record_slot_opening() returns trigger language plpgsql as $$
          begin
            insert into slot_openings (${openingColumns})
            values (${openingValues('gen_random_uuid()::text', `to_char(now() at time zone 'utc', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`)});
            return null;
          end $$`,
        )
        .execute(db);
      await sql
        .raw(
          `create trigger treatment_sessions_slot_opening after update on treatment_sessions for each row
          when (${freesSlot(true)}) execute function record_slot_opening()`,
        )
        .execute(db);
    } else {
      await sql
        .raw(
          `create trigger treatment_sessions_slot_opening after update on treatment_sessions for each row
          when ${freesSlot(false)}
          begin
            insert into slot_openings (${openingColumns})
            values (${openingValues('lower(hex(randomblob(16)))', `strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`)});
          end`,
        )
        .execute(db);
    }

    await db.schema
      .alterTable('side_effect_reports')
      .addColumn('reported_via', 'text', (c) => c.check(sql`reported_via in ('portal', 'phone', 'in_person')`))
      .execute();
    await sql`update side_effect_reports set reported_via = 'portal' where reported_by = 'patient'`.execute(db);
  },

  async down(db: MigrationDb) {
    await db.schema.alterTable('side_effect_reports').dropColumn('reported_via').execute();
    await sql`drop trigger treatment_sessions_slot_opening${sql.raw(engineOf(db) === 'postgres' ? ' on treatment_sessions' : '')}`.execute(
      db,
    );
    if (engineOf(db) === 'postgres') await sql`drop function record_slot_opening()`.execute(db);
    await db.schema.dropTable('slot_openings').execute();
    await db.schema.dropTable('waiting_list_entries').execute();
    await db.schema.dropTable('session_check_ins').execute();
  },
};
