import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { testEngines } from '../../test-support/test-databases.js';
import { migrateToLatest } from '../migrate.js';
import { onDatabaseAt } from './test-support/database-at.js';

/** Upgrading a database that already has bookings: they get their claims, and an old double booking stops nothing. */
describe.each(testEngines)('0013 booking guards [$engine]', (testEngine) => {
  it('claims the slots of planned and done sessions booked before the guard existed', () =>
    onDatabaseAt(testEngine, '0012-screening-version', async (db) => {
      const at = '2029-01-01T00:00:00.000Z';
      await sql`insert into clinics (id, name, created_at, updated_at) values ('c', 'C', ${at}, ${at})`.execute(db);
      await sql`insert into locations (id, clinic_id, name, address, time_zone, created_at, updated_at) values ('l', 'c', 'L', null, 'UTC', ${at}, ${at})`.execute(
        db,
      );
      await sql`insert into rooms (id, location_id, name, active, created_at, updated_at) values ('r', 'l', 'R', 1, ${at}, ${at})`.execute(
        db,
      );
      await sql`insert into users (id, clinic_id, email, display_name, password_hash, role, patient_id, active, created_at, updated_at)
        values ('u', 'c', 'u@x.test', 'U', 'h', 'practitioner', null, 1, ${at}, ${at})`.execute(db);
      await sql`insert into patients (id, clinic_id, first_name, last_name, first_name_key, last_name_key, birth_date, sex, phone, phone_digits, email, created_at, updated_at)
        values ('p', 'c', 'P', 'Q', 'p', 'q', '1990-01-01', 'female', null, null, null, ${at}, ${at})`.execute(db);
      await sql`insert into courses (id, patient_id, assessment_id, indication, area, plan, status, created_by, created_at, updated_at)
        values ('k', 'p', null, 'hair_loss', 'scalp', '{}', 'active', null, ${at}, ${at})`.execute(db);
      const session = (id: string, start: string, minutes: number | null, status: string) =>
        sql`insert into treatment_sessions (id, course_id, scheduled_at, duration_minutes, practitioner_id, location_id, room_id, status, created_at, updated_at)
          values (${id}, 'k', ${start}, ${minutes}, 'u', 'l', 'r', ${status}, ${at}, ${at})`.execute(db);
      await session('a', '2030-01-07T09:00:00.000Z', 30, 'planned');
      // Overlaps a: double-booked before the guard; it keeps the slots nobody else holds, and the upgrade goes on.
      await session('b', '2030-01-07T09:15:00.000Z', 30, 'planned');
      await session('c', '2030-01-08T09:00:00.000Z', null, 'done');
      await session('d', '2030-01-09T09:00:00.000Z', 30, 'cancelled');

      expect(await migrateToLatest(db)).toContain('0013-booking-guards');
      const { rows } = await sql<{
        session_id: string;
        slot_start: string;
      }>`select session_id, slot_start from session_slot_claims order by session_id, slot_start`.execute(db);
      expect(rows.map((r) => `${r.session_id} ${r.slot_start.slice(11, 16)}`)).toEqual([
        'a 09:00',
        'a 09:15',
        'b 09:30',
        'c 09:00',
        'c 09:15',
        'c 09:30',
        'c 09:45',
      ]);
      await expect(
        sql`insert into session_slot_claims (session_id, slot_start, practitioner_id, room_id) values ('d', '2030-01-07T09:00:00.000Z', 'u', null)`.execute(
          db,
        ),
      ).rejects.toThrow();
    }));
});
