import { sql } from 'kysely';
import type { CalendarSessionRecord, SessionStatus } from '../../core/records/index.js';
import { engineOf } from '../create-database.js';
import type { CalendarRepository } from './calendar-repository.js';
import type { RepositoryContext } from './repository-context.js';
import { numberOrNull, rowMapper } from './row-mapper.js';

interface CalendarRow {
  id: string;
  course_id: string;
  patient_id: string;
  first_name: string;
  last_name: string;
  scheduled_at: string;
  duration_minutes: unknown;
  practitioner_id: string | null;
  practitioner_name: string | null;
  location_id: string | null;
  room_id: string | null;
  room_name: string | null;
  status: SessionStatus;
  flag_verdict: string | null;
  indication: string;
  area: string;
  updated_at: string;
  number: unknown;
  of: unknown;
  closure_reason: string | null;
  closure_recorded_at: string | null;
}

const counted = sql`('planned', 'done')`;
const sessionColumns = sql.raw(
  'id, course_id, scheduled_at, duration_minutes, practitioner_id, location_id, room_id, status, flag_verdict, updated_at',
);

const toCalendarSession = rowMapper<CalendarRow, CalendarSessionRecord>()(
  [
    'id, course_id, patient_id, first_name as patientFirstName, last_name as patientLastName, scheduled_at',
    'duration_minutes, practitioner_id, practitioner_name, location_id, room_id, room_name, status, flag_verdict',
    'indication, area, number, of, closure_reason as closure, updated_at',
  ],
  {
    durationMinutes: numberOrNull,
    number: numberOrNull,
    of: Number,
    closure: (reason, row) =>
      reason === null || row.closure_recorded_at === null ? null : { reason, recordedAt: row.closure_recorded_at },
  },
);

/** ` and (column is null or column not in (...))`, or nothing for no ids. */
function notIn(column: 'practitioner_id' | 'room_id', ids: readonly string[]) {
  if (ids.length === 0) return sql``;
  const ref = sql.ref(column);
  return sql` and (${ref} is null or ${ref} not in (${sql.join(ids)}))`;
}

export function kyselyCalendarRepository({ db }: RepositoryContext): CalendarRepository {
  // Keeps PostgreSQL probing the course's patient row by row instead of hashing every patient of
  // the clinic (see kysely-dashboard-repository.ts); SQLite always probes row by row.
  const perRow = engineOf(db) === 'postgres' ? sql` offset 0` : sql``;
  return {
    async sessions({ clinicId, locationId, from, to, hidePractitionerIds = [], hideRoomIds = [] }) {
      const shown = sql`${notIn('practitioner_id', hidePractitionerIds)}${notIn('room_id', hideRoomIds)}`;
      // Two index ranges (the location's sessions from the index of 0033, and the few booked without
      // a location, by time), then one primary-key probe per session for each name: the names are
      // subqueries, not joins, for PostgreSQL would hash every user of the clinic (23,000 rows at a
      // million patients, most of the query's time) to name a page of sessions. A session's place
      // in its course counts the course's sessions through their course_id index.
      const { rows } = await sql<CalendarRow>`
        select s.id, s.course_id, c.patient_id, p.first_name, p.last_name, s.scheduled_at, s.duration_minutes,
               s.practitioner_id, (select u.display_name from users u where u.id = s.practitioner_id) as practitioner_name,
               s.location_id, s.room_id, (select r.name from rooms r where r.id = s.room_id) as room_name,
               s.status, s.flag_verdict, c.indication, c.area, s.updated_at,
               case when s.status in ${counted} then (
                 select count(*) from treatment_sessions o
                  where o.course_id = s.course_id and o.status in ${counted}
                    and (o.scheduled_at < s.scheduled_at or (o.scheduled_at = s.scheduled_at and o.id <= s.id))
               ) end as number,
               (select count(*) from treatment_sessions o where o.course_id = s.course_id and o.status in ${counted}) as of,
               (select cr.reason from session_closure_reasons cr where cr.session_id = s.id) as closure_reason,
               (select cr.recorded_at from session_closure_reasons cr where cr.session_id = s.id) as closure_recorded_at
          from (
                select ${sessionColumns} from treatment_sessions
                 where location_id = ${locationId} and scheduled_at >= ${from} and scheduled_at < ${to}${shown}
                union all
                select ${sessionColumns} from treatment_sessions t
                 where t.location_id is null and t.scheduled_at >= ${from} and t.scheduled_at < ${to}${shown}
                   and exists (select 1 from courses tc join patients tp on tp.id = tc.patient_id
                                where tc.id = t.course_id and tp.clinic_id = ${clinicId}${perRow})
               ) s
          join courses c on c.id = s.course_id
          join patients p on p.id = c.patient_id
         where p.clinic_id = ${clinicId}
         order by s.scheduled_at, s.id`.execute(db);
      return rows.map(toCalendarSession);
    },
  };
}
