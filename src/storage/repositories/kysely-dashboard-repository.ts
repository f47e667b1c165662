import { sql, type RawBuilder } from 'kysely';
import { sessionStatuses, type SessionStatus } from '../../core/records/index.js';
import { engineOf } from '../create-database.js';
import type { DashboardQuery, DashboardRepository, OffsetPiece } from './dashboard-repository.js';
import type { RepositoryContext } from './repository-context.js';

const count = (value: unknown) => Number(value ?? 0);

const wallTime = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/**
 * The clinic-local date of a stored instant, from the zone's offsets over the window (see
 * `DashboardQuery.offsets`). Stored instants are ISO text in UTC, so the UTC date is the text's
 * first ten characters, and it is the local date too except in the hours the offset carries over
 * midnight: only those rows pay for date arithmetic (most of the cost of grouping a month of
 * sessions by day). The offsets are parameters: the text, and a prepared plan, stays the same from
 * one window to the next with as many changes of offset.
 */
function localDate(
  postgres: boolean,
  column: RawBuilder<unknown>,
  offsets: readonly OffsetPiece[],
): RawBuilder<string> {
  const last = offsets.at(-1);
  if (!last) throw new RangeError('a dashboard window needs the offsets in force over it');
  // Ahead of UTC, times from 24:00 less the offset fall on the next local day; behind it, times
  // before the offset on the day before. '24:00' and '00:00' never match.
  const from = (o: OffsetPiece) => (o.offsetMinutes > 0 ? wallTime(1440 - o.offsetMinutes) : '24:00');
  const before = (o: OffsetPiece) => (o.offsetMinutes < 0 ? wallTime(-o.offsetMinutes) : '00:00');
  const shift = (o: OffsetPiece) =>
    postgres
      ? sql`cast(${o.offsetMinutes} as integer)`
      : sql`${`${o.offsetMinutes >= 0 ? '+' : ''}${o.offsetMinutes} minutes`}`;
  const inForce = (pick: (o: OffsetPiece) => unknown) =>
    offsets.length === 1
      ? sql`${pick(last)}`
      : sql`case ${sql.join(
          offsets.slice(0, -1).map((o) => sql`when ${column} < ${o.until} then ${pick(o)}`),
          sql` `,
        )} else ${pick(last)} end`;
  const time = sql`substr(${column}, 12, 5)`;
  // PostgreSQL's timestamp without zone reads the wall time and ignores the Z, which is what adding
  // the offset needs.
  const shifted = postgres
    ? sql`cast(cast(cast(${column} as timestamp) + make_interval(mins => ${inForce(shift)}) as date) as text)`
    : sql`date(${column}, ${inForce(shift)})`;
  return sql<string>`case when ${time} >= ${inForce(from)} or ${time} < ${inForce(before)}
    then ${shifted} else substr(${column}, 1, 10) end`;
}

export function kyselyDashboardRepository({ db }: RepositoryContext): DashboardRepository {
  const postgres = engineOf(db) === 'postgres';
  /**
   * Keeps PostgreSQL asking an EXISTS row by row (an index probe each): otherwise it may join it as
   * a hash of every patient of the clinic, which is every patient, and read them all for a month's
   * few thousand courses. SQLite always asks row by row.
   */
  const perRow = postgres ? sql` offset 0` : sql``;

  /**
   * Whether the course belongs to a patient of the clinic. Asked per row found in the window's range
   * (EXISTS), so that neither engine starts from the clinic's patients, which is every patient.
   */
  const ofClinic = (courseId: RawBuilder<unknown>, clinicId: string) => sql`exists (
    select 1 from courses c join patients p on p.id = c.patient_id
     where c.id = ${courseId} and p.clinic_id = ${clinicId}${perRow})`;

  /**
   * A query over the clinic's sessions starting in the window, grouped in each of two parts: those at
   * its locations, read as one index range per location (from the covering index of 0033), and
   * those booked without a location, found through their patient. Each part groups on its own, so
   * the large one is aggregated as it is read, and the caller adds the two parts' rows up.
   */
  const inBothParts = (
    q: DashboardQuery,
    select: (s: RawBuilder<unknown>) => RawBuilder<unknown>,
    groupBy: RawBuilder<unknown>,
  ) => sql`
    ${select(sql.ref('s.scheduled_at'))}
      from treatment_sessions s
     where s.location_id in (select l.id from locations l where l.clinic_id = ${q.clinicId})
       and s.scheduled_at >= ${q.from} and s.scheduled_at < ${q.to}
     group by ${groupBy}
    union all
    ${select(sql.ref('s.scheduled_at'))}
      from treatment_sessions s
     where s.location_id is null
       and s.scheduled_at >= ${q.from} and s.scheduled_at < ${q.to}
       and ${ofClinic(sql`s.course_id`, q.clinicId)}
     group by ${groupBy}`;
  const countOf = (status: SessionStatus) => sql`sum(case when s.status = ${sql.lit(status)} then 1 else 0 end)`;

  return {
    async sessionsByDay(q) {
      const { rows } = await sql<Record<'day' | SessionStatus, unknown>>`${inBothParts(
        q,
        (at) => sql`select ${localDate(postgres, at, q.offsets)} as day,
               ${countOf('planned')} as planned, ${countOf('done')} as done,
               ${countOf('cancelled')} as cancelled, ${countOf('no_show')} as no_show`,
        sql`1`,
      )}`.execute(db);
      return rows.flatMap((r) =>
        sessionStatuses
          .map((status) => ({ date: String(r.day), status, sessions: count(r[status]) }))
          .filter((c) => c.sessions > 0),
      );
    },

    async bookedTime(q, defaultMinutes) {
      const { rows } = await sql<{
        practitioner_id: string | null;
        room_id: string | null;
        n: unknown;
        minutes: unknown;
      }>`${inBothParts(
        q,
        () => sql`select s.practitioner_id, s.room_id,
               sum(case when s.status = 'cancelled' then 0 else 1 end) as n,
               sum(case when s.status = 'cancelled' then 0 else coalesce(s.duration_minutes, ${defaultMinutes}) end) as minutes`,
        sql`s.practitioner_id, s.room_id`,
      )}`.execute(db);
      return rows.map((r) => ({
        practitionerId: r.practitioner_id,
        roomId: r.room_id,
        sessions: count(r.n),
        minutes: count(r.minutes),
      }));
    },

    async coursesCompletedByDay(q) {
      const day = localDate(postgres, sql.ref('c.updated_at'), q.offsets);
      // A completed course changes no more: the time it was last changed is when it was completed.
      const { rows } = await sql<{ day: string; n: unknown }>`
        select ${day} as day, count(*) as n
          from courses c
         where c.status = 'completed'
           and c.updated_at >= ${q.from} and c.updated_at < ${q.to}
           and exists (select 1 from patients p where p.id = c.patient_id and p.clinic_id = ${q.clinicId}${perRow})
         group by 1`.execute(db);
      return rows.map((r) => ({ date: r.day, count: count(r.n) }));
    },

    // A report's session names its location, which is the clinic's or not: one lookup per report.
    // CROSS JOIN keeps SQLite (which has no statistics) reading the window's reports first, not the
    // sessions of the clinic's locations; to PostgreSQL it is a plain join.
    async sideEffectsByLevel(q) {
      const { rows } = await sql<{ level: 'expected' | 'review' | 'urgent' | null; n: unknown; open: unknown }>`
        select r.triage_level as level, count(*) as n,
               sum(case when r.ongoing = 1 then 1 else 0 end) as open
          from side_effect_reports r
         cross join treatment_sessions s
         where s.id = r.session_id
           and r.created_at >= ${q.from} and r.created_at < ${q.to}
           and (s.location_id in (select l.id from locations l where l.clinic_id = ${q.clinicId})
                or (s.location_id is null and ${ofClinic(sql`s.course_id`, q.clinicId)}))
         group by r.triage_level`.execute(db);
      return rows.map((r) => ({ level: r.level, reports: count(r.n), open: count(r.open) }));
    },

    async takingsByDay(q) {
      const day = localDate(postgres, sql.ref('pay.received_at'), q.offsets);
      const { rows } = await sql<{ day: string; currency: string; method: string; n: unknown; amount: unknown }>`
        select ${day} as day, pay.currency, pay.method, count(*) as n, sum(pay.amount_minor) as amount
          from payments pay
         where pay.clinic_id = ${q.clinicId}
           and pay.received_at >= ${q.from} and pay.received_at < ${q.to}
         group by 1, 2, 3`.execute(db);
      return rows.map((r) => ({
        date: r.day,
        currency: r.currency,
        method: r.method,
        payments: count(r.n),
        amountMinor: count(r.amount),
      }));
    },

    async clinicAvailability(clinicId, dates) {
      const locations = await db
        .selectFrom('locations')
        .select(['id', 'name', 'time_zone', 'created_at'])
        .where('clinic_id', '=', clinicId)
        .orderBy('created_at')
        .orderBy('id')
        .execute();
      const ids = locations.map((l) => l.id);
      if (ids.length === 0) return { locations: [], rooms: [], hours: [], openingHours: [], exceptions: [] };
      const rooms = await db
        .selectFrom('rooms')
        .select(['id', 'location_id', 'name', 'active'])
        .where('location_id', 'in', ids)
        .orderBy('name')
        .orderBy('id')
        .execute();
      const hours = await db
        .selectFrom('practitioner_availability as a')
        .innerJoin('users as u', 'u.id', 'a.practitioner_id')
        .select(['a.practitioner_id', 'u.display_name', 'a.location_id', 'a.weekly_hours', 'a.room_ids'])
        .where('a.location_id', 'in', ids)
        .where('u.clinic_id', '=', clinicId)
        .where('u.active', '=', 1)
        .where('u.role', 'in', ['admin', 'practitioner'])
        .execute();
      const opening = await db
        .selectFrom('location_opening_hours')
        .select(['location_id', 'weekly_hours'])
        .where('location_id', 'in', ids)
        .execute();
      // Day exceptions store dates and hour exceptions local date-times: compared as text with the
      // window's first date and the end of its last, they find every one touching the window.
      const exceptions = await db
        .selectFrom('availability_exceptions')
        .select(['location_id', 'practitioner_id', 'kind', 'starts', 'ends'])
        .where('location_id', 'in', ids)
        .where('starts', '<=', `${dates.to}T24:00`)
        .where('ends', '>=', dates.from)
        .execute();
      return {
        locations: locations.map((l) => ({ id: l.id, name: l.name, timeZone: l.time_zone, createdAt: l.created_at })),
        rooms: rooms.map((r) => ({
          id: r.id,
          locationId: r.location_id,
          name: r.name,
          active: Number(r.active) === 1,
        })),
        hours: hours.map((h) => ({
          practitionerId: h.practitioner_id,
          practitionerName: h.display_name,
          locationId: h.location_id,
          weeklyHours: parseJson(h.weekly_hours),
          roomIds: h.room_ids === null ? null : parseJson(h.room_ids),
        })),
        openingHours: opening.map((o) => ({ locationId: o.location_id, weeklyHours: parseJson(o.weekly_hours) })),
        exceptions: exceptions.map((e) =>
          e.kind === 'days'
            ? { locationId: e.location_id, practitionerId: e.practitioner_id, kind: 'days', from: e.starts, to: e.ends }
            : {
                locationId: e.location_id,
                practitionerId: e.practitioner_id,
                kind: 'hours',
                start: e.starts,
                end: e.ends,
              },
        ),
      };
    },

    async userNames(clinicId, ids) {
      if (ids.length === 0) return [];
      const rows = await db
        .selectFrom('users')
        .select(['id', 'display_name'])
        .where('clinic_id', '=', clinicId)
        .where('id', 'in', [...ids])
        .execute();
      return rows.map((r) => ({ id: r.id, name: r.display_name }));
    },
  };
}

/** Stored JSON the service validates; text that is not JSON reads as nothing, which it skips. */
function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
