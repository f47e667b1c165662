import { sql } from 'kysely';
import { type Migration } from 'kysely/migration';
import { idColumn, indexColumns, timestampColumns, type MigrationDb } from './schema-helpers.js';

// The rule as it stood when this migration was written (src/services/scheduling/slot-claims.ts
// holds today's): 15-minute slots from the epoch, a session without a length taking an hour.
const slotMs = 15 * 60_000;
const unknownLengthMinutes = 60;

/**
 * The database's own guard against double booking. A planned or done session claims every
 * 15-minute slot it touches, once for its practitioner and once for its room; unique indexes on
 * (practitioner, slot) and (room, slot) make a second, overlapping claim fail on both engines, even
 * when two transactions race. Also: how each course was booked (so re-flows follow the same rules)
 * and the maintenance recall after a course.
 */
export const bookingGuardsMigration: Migration = {
  async up(db: MigrationDb) {
    await db.schema
      .createTable('session_slot_claims')
      .addColumn('session_id', 'text', (c) => c.notNull().references('treatment_sessions.id'))
      .addColumn('slot_start', 'text', (c) => c.notNull())
      .addColumn('practitioner_id', 'text', (c) => c.references('users.id'))
      .addColumn('room_id', 'text', (c) => c.references('rooms.id'))
      .addPrimaryKeyConstraint('session_slot_claims_pk', ['session_id', 'slot_start'])
      .addCheckConstraint('session_slot_claims_holder', sql`practitioner_id is not null or room_id is not null`)
      .execute();
    // NULLs are distinct in unique indexes on both engines: a claim without a room blocks no room.
    for (const holder of ['practitioner', 'room'])
      await db.schema
        .createIndex(`session_slot_claims_${holder}_slot`)
        .unique()
        .on('session_slot_claims')
        .columns([`${holder}_id`, 'slot_start'])
        .execute();
    await backfillClaims(db);

    await timestampColumns(
      db.schema
        .createTable('course_schedules')
        .addColumn('course_id', 'text', (c) => c.primaryKey().references('courses.id'))
        .addColumn('location_id', 'text', (c) => c.notNull().references('locations.id'))
        .addColumn('switch_after', 'integer')
        .addColumn('preferences', 'text'),
    ).execute();
    await indexColumns(db, 'course_schedules', ['location_id']);

    await timestampColumns(
      idColumn(db.schema.createTable('maintenance_recalls'))
        .addColumn('course_id', 'text', (c) => c.notNull().unique().references('courses.id'))
        .addColumn('last_session_date', 'text', (c) => c.notNull())
        .addColumn('due_from', 'text', (c) => c.notNull())
        .addColumn('due_to', 'text', (c) => c.notNull())
        .addColumn('message', 'text', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.references('users.id')),
    ).execute();
    await indexColumns(db, 'maintenance_recalls', ['due_from', 'created_by']);
  },

  async down(db: MigrationDb) {
    for (const table of ['maintenance_recalls', 'course_schedules', 'session_slot_claims'])
      await db.schema.dropTable(table).execute();
  },
};

interface SessionRow {
  id: string;
  scheduled_at: string;
  duration_minutes: number | string | null;
  practitioner_id: string | null;
  room_id: string | null;
}

/**
 * Claims for the sessions booked before the guard existed. Where old bookings already overlap, the
 * later one keeps only the slots nobody else holds: an upgrade refuses or moves nothing.
 */
async function backfillClaims(db: MigrationDb): Promise<void> {
  const { rows } =
    await sql<SessionRow>`select id, scheduled_at, duration_minutes, practitioner_id, room_id from treatment_sessions
    where status in ('planned', 'done') and (practitioner_id is not null or room_id is not null) order by scheduled_at, id`.execute(
      db,
    );
  for (const row of rows) {
    const start = Date.parse(row.scheduled_at);
    if (Number.isNaN(start)) continue;
    const minutes = row.duration_minutes === null ? unknownLengthMinutes : Number(row.duration_minutes);
    const end = start + minutes * 60_000;
    const values = [];
    for (let slot = Math.floor(start / slotMs) * slotMs; slot < end; slot += slotMs)
      values.push(sql`(${row.id}, ${new Date(slot).toISOString()}, ${row.practitioner_id}, ${row.room_id})`);
    if (values.length === 0) continue;
    await sql`insert into session_slot_claims (session_id, slot_start, practitioner_id, room_id) values ${sql.join(values)} on conflict do nothing`.execute(
      db,
    );
  }
}
