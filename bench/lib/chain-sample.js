// What the chain's load asks for, sampled once from the generated clinic before its server starts
// (a SQLite folder is held by one process at a time): patients, their names, the locations, and
// charted sessions. The same seed gives the same sample of the same database.
import { sql } from 'kysely';
import { createDatabase } from '../../dist/storage/create-database.js';
import { databaseConfigFromEnv } from '../../dist/storage/database-config.js';
import { CLINIC_NAME } from './large-clinic.js';

const SAMPLE = 2000;

/** `items` in a fixed, shuffled order (the same every run). */
export function shuffled(items, seed = 20261207) {
  const out = [...items];
  let s = seed;
  for (let i = out.length - 1; i > 0; i--) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

export async function sampleClinic(env) {
  const db = createDatabase(databaseConfigFromEnv(env));
  try {
    const clinic = await db
      .selectFrom('clinics')
      .select('id')
      .where('name', '=', CLINIC_NAME)
      .executeTakeFirstOrThrow();
    const patients = await db
      .selectFrom('patients')
      .select(['id', 'first_name', 'last_name', 'birth_date', 'sex'])
      .where('clinic_id', '=', clinic.id)
      .where('active', '=', sql`${1}`)
      .where('merged_into_id', 'is', null)
      .orderBy(sql`random()`)
      .limit(SAMPLE)
      .execute();
    const ids = patients.map((p) => p.id);
    const now = new Date().toISOString();
    // Patients with sessions still to come: no new intake (it re-screens them) or course for them.
    const upcoming = new Set(
      (
        await db
          .selectFrom('treatment_sessions as s')
          .innerJoin('courses as c', 'c.id', 's.course_id')
          .select('c.patient_id')
          .where('c.patient_id', 'in', ids)
          .where('s.status', '=', 'planned')
          .where('s.scheduled_at', '>', now)
          .execute()
      ).map((r) => r.patient_id),
    );
    const charted = await db
      .selectFrom('chart_entries as e')
      .innerJoin('treatment_sessions as s', 's.id', 'e.session_id')
      .innerJoin('courses as c', 'c.id', 's.course_id')
      .select('s.id')
      .where('c.patient_id', 'in', ids)
      .execute();
    const locations = await db
      .selectFrom('locations')
      .select(['id', 'name', 'time_zone'])
      .where('clinic_id', '=', clinic.id)
      .orderBy('name')
      .execute();
    // Who works where: each booking is proposed with a practitioner of its own at their location.
    const workplaces = await db
      .selectFrom('practitioner_availability as a')
      .innerJoin('locations as l', 'l.id', 'a.location_id')
      .select(['a.practitioner_id', 'a.location_id', 'a.room_ids'])
      .where('l.clinic_id', '=', clinic.id)
      .orderBy('a.practitioner_id')
      .execute();
    // Active courses of sampled patients: a booking adds a session to one.
    const activeCourses = await db
      .selectFrom('courses')
      .select('id')
      .where('patient_id', 'in', ids)
      .where('status', '=', 'active')
      .execute();
    const staff = await db
      .selectFrom('users')
      .select(['email', 'role'])
      .where('clinic_id', '=', clinic.id)
      .where('role', 'in', ['practitioner', 'reception'])
      .execute();
    // What a front desk types: a surname, a first name and surname, or the start of a surname.
    const names = patients.map((r, i) =>
      i % 3 === 0 ? r.last_name : i % 3 === 1 ? `${r.first_name} ${r.last_name}` : r.last_name.slice(0, 4),
    );
    return {
      clinicId: clinic.id,
      patients: shuffled(patients),
      quiet: shuffled(patients.filter((p) => !upcoming.has(p.id))),
      names: shuffled(names),
      chartedSessions: shuffled(charted.map((r) => r.id)),
      locations,
      workplaces: shuffled(
        workplaces
          .map((w) => ({
            practitionerId: w.practitioner_id,
            locationId: w.location_id,
            roomId: JSON.parse(w.room_ids ?? '[]')[0],
          }))
          .filter((w) => w.roomId),
      ),
      activeCourses: shuffled(activeCourses.map((c) => c.id)),
      staff,
    };
  } finally {
    await db.destroy();
  }
}
