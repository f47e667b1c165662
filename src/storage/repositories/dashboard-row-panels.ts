import { sql, type Kysely, type RawBuilder } from 'kysely';
import { sessionStatuses, type SessionStatus } from '../../core/records/index.js';
import type { Database } from '../database-schema.js';
import type { DashboardPanels } from './dashboard-counted-panels.js';
import { localDate } from './dashboard-local-date.js';
import type { DashboardQuery } from './dashboard-repository.js';

const count = (value: unknown) => Number(value ?? 0);

/**
 * Each panel counted from the stored rows themselves, for any window: the counters' partial first and
 * last days, and windows off the quarter hours (src/storage/repositories/dashboard-counted-panels.ts).
 */
export function dashboardRowPanels(db: Kysely<Database>, postgres: boolean): DashboardPanels {
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
  };
}
