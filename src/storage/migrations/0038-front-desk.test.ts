import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createClinicWithStaff, createSampleCourse, createSamplePatient } from '../../test-support/stored-records.js';
import { testEngines } from '../../test-support/test-databases.js';
import type { Db } from '../create-database.js';
import { createRepositories } from '../repositories/repositories.js';
import { migrations } from './migrations.js';
import { onDatabaseAt } from './test-support/database-at.js';

const name = '0038-front-desk';
const names = Object.keys(migrations);
const before = names[names.indexOf(name) - 1] ?? '';

const at = (day: number, hour = 9) =>
  `2030-03-${String(day).padStart(2, '0')}T${String(hour).padStart(2, '0')}:00:00.000Z`;

async function openings(db: Db) {
  const { rows } = await sql<{
    session_id: string;
    starts_at: string;
    practitioner_id: string | null;
    reason: string;
    clinic_id: string;
  }>`
    select session_id, starts_at, practitioner_id, reason, clinic_id from slot_openings order by created_at, starts_at`.execute(
    db,
  );
  return rows;
}

/**
 * Earlier reports learn how they came in (a patient's only through the portal); a session that gives
 * up its time leaves an opening whatever changed it, and nothing else does; a session is checked in
 * once; a patient waits once per indication; and the migration undoes cleanly.
 */
describe.each(testEngines)('0038-front-desk [$engine]', (testEngine) => {
  it('backfills reports, records openings, keeps its rules, and undoes cleanly', () =>
    onDatabaseAt(testEngine, before, async (db, migrator) => {
      const repos = createRepositories(db);
      const { clinic, user } = await createClinicWithStaff(repos, 'Front desk', {
        email: 'desk@example.test',
        displayName: 'Dana Desk',
      });
      const patient = await createSamplePatient(repos, clinic.id);
      const course = await createSampleCourse(repos, patient.id);
      const held = await repos.treatmentSessions.create({ courseId: course.id, scheduledAt: at(1) });
      for (const [id, by] of [
        ['r-patient', 'patient'],
        ['r-staff', 'staff'],
      ] as const)
        await sql`insert into side_effect_reports (id, session_id, reporter_user_id, symptom, created_at, reported_by)
          values (${id}, ${held.id}, null, 'Redness', ${at(2)}, ${by})`.execute(db);

      expect((await migrator.migrateTo(name)).error).toBeUndefined();
      const via = await sql<{ id: string; reported_via: string | null }>`
        select id, reported_via from side_effect_reports order by id`.execute(db);
      expect(via.rows).toEqual([
        { id: 'r-patient', reported_via: 'portal' },
        { id: 'r-staff', reported_via: null },
      ]);
      await expect(
        sql`update side_effect_reports set reported_via = 'fax' where id = 'r-staff'`.execute(db),
      ).rejects.toThrow();

      // Cancelled, moved, handed to another practitioner: each leaves the time it gave up.
      const sessions = [];
      for (const day of [10, 11, 12, 13, 14])
        sessions.push(
          await repos.treatmentSessions.create({
            courseId: course.id,
            scheduledAt: at(day),
            durationMinutes: 45,
            practitionerId: user.id,
          }),
        );
      const [cancelled, moved, handed, done, untouched] = sessions.map((s) => s.id) as [
        string,
        string,
        string,
        string,
        string,
      ];
      const other = await repos.users.create({
        clinicId: clinic.id,
        email: 'other@example.test',
        displayName: 'Otto Other',
        passwordHash: 'h',
        role: 'practitioner',
      });
      await repos.treatmentSessions.update(cancelled, { status: 'cancelled' });
      await repos.treatmentSessions.update(moved, { scheduledAt: at(20) });
      await repos.treatmentSessions.update(handed, { practitionerId: other.id });
      await repos.treatmentSessions.update(done, { status: 'done' });
      await repos.treatmentSessions.update(untouched, { durationMinutes: 60 });
      // A session no longer planned gives up nothing more.
      await repos.treatmentSessions.update(cancelled, { scheduledAt: at(21) });
      expect(await openings(db)).toEqual([
        {
          session_id: cancelled,
          starts_at: at(10),
          practitioner_id: user.id,
          reason: 'cancelled',
          clinic_id: clinic.id,
        },
        { session_id: moved, starts_at: at(11), practitioner_id: user.id, reason: 'moved', clinic_id: clinic.id },
        { session_id: handed, starts_at: at(12), practitioner_id: user.id, reason: 'moved', clinic_id: clinic.id },
      ]);
      const [opening] = await repos.frontDesk.listSlotOpenings({ clinicId: clinic.id, from: at(10), limit: 1 });
      expect(opening).toMatchObject({ sessionId: cancelled, durationMinutes: 45, reason: 'cancelled' });

      // One check-in per session.
      await repos.frontDesk.checkIn({ sessionId: untouched, by: user.id });
      await expect(repos.frontDesk.checkIn({ sessionId: untouched, by: user.id })).rejects.toThrow();

      // One open entry per patient and indication; a closed one does not count.
      const entry = {
        clinicId: clinic.id,
        patientId: patient.id,
        indication: 'hair_loss',
        weekdays: [1],
        timesOfDay: [],
        note: null,
        createdBy: user.id,
      };
      const first = await repos.frontDesk.addToWaitingList(entry);
      await expect(repos.frontDesk.addToWaitingList(entry)).rejects.toThrow();
      await repos.frontDesk.addToWaitingList({ ...entry, indication: 'skin_quality' });
      expect(await repos.frontDesk.closeWaitingListEntry(first.id, { status: 'removed', by: user.id })).toMatchObject({
        status: 'removed',
        closedBy: user.id,
      });
      expect(await repos.frontDesk.closeWaitingListEntry(first.id, { status: 'booked', by: user.id })).toBeUndefined();
      await repos.frontDesk.addToWaitingList(entry);
      await expect(
        sql`update waiting_list_entries set status = 'lost' where id = ${first.id}`.execute(db),
      ).rejects.toThrow();

      expect((await migrator.migrateTo(before)).error).toBeUndefined();
      const tables = (await db.introspection.getTables()).map((t) => t.name);
      for (const table of ['session_check_ins', 'waiting_list_entries', 'slot_openings'])
        expect(tables).not.toContain(table);
      const columns = (await db.introspection.getTables()).find((t) => t.name === 'side_effect_reports')?.columns;
      expect(columns?.map((c) => c.name)).not.toContain('reported_via');
      // Without the trigger, a cancellation writes nothing anywhere else.
      await sql`update treatment_sessions set status = 'cancelled' where id = ${untouched}`.execute(db);
    }));
});
