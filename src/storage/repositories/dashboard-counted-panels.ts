import { sql, type Kysely } from 'kysely';
import { sessionStatuses, type SessionStatus } from '../../core/records/index.js';
import type { Database } from '../database-schema.js';
import { localDate } from './dashboard-local-date.js';
import type { BookedTime, DashboardQuery, DashboardRepository, SideEffectLevelCount } from './dashboard-repository.js';

/** The panels whose figures the counters of migration 0034 keep (src/storage/dashboard-rollups.ts). */
export type DashboardPanels = Pick<
  DashboardRepository,
  'sessionsByDay' | 'bookedTime' | 'coursesCompletedByDay' | 'sideEffectsByLevel' | 'takingsByDay'
>;

const count = (value: unknown) => Number(value ?? 0);
const QUARTER_MS = 15 * 60_000;
const DAY_MS = 24 * 60 * 60_000;
const iso = (ms: number) => new Date(ms).toISOString();
/** The counters' quarter hour of an instant: its text to the minute. */
const quarter = (instant: string) => iso(Date.parse(instant)).slice(0, 16);

/**
 * Whether the window's edges and the offsets' changes all fall on UTC quarter hours, so that each
 * counted quarter lies wholly inside one clinic-local day. Every zone in use today passes; a window
 * that does not is counted from the rows.
 */
function onQuarters(q: DashboardQuery): boolean {
  return [q.from, q.to, ...q.offsets.map((o) => o.until)].every((at) => Date.parse(at) % QUARTER_MS === 0);
}

/**
 * The whole UTC days inside the window (counted per day), and the parts before and after them
 * (counted from the rows): a clinic-local window starts and ends inside UTC days unless the clinic
 * keeps UTC.
 */
function splitOnUtcDays(q: DashboardQuery): { days?: { from: string; to: string }; edges: DashboardQuery[] } {
  const from = Date.parse(q.from);
  const to = Date.parse(q.to);
  const firstDay = Math.ceil(from / DAY_MS) * DAY_MS;
  const endDay = Math.floor(to / DAY_MS) * DAY_MS;
  if (firstDay >= endDay) return { edges: [q] };
  const edges: DashboardQuery[] = [];
  if (from < firstDay) edges.push({ ...q, to: iso(firstDay) });
  if (endDay < to) edges.push({ ...q, from: iso(endDay) });
  return { days: { from: iso(firstDay).slice(0, 10), to: iso(endDay).slice(0, 10) }, edges };
}

/**
 * The whole UTC months inside a run of whole days, and the days before and after them: booked time is
 * kept per month as well, since a year of a large clinic's days is many rows (one per practitioner,
 * room and day).
 */
function splitOnUtcMonths(days: { from: string; to: string }): {
  months?: { from: string; to: string };
  days: { from: string; to: string }[];
} {
  const monthAfter = (month: string) =>
    iso(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 1)).slice(0, 7);
  const firstMonth = days.from.endsWith('-01') ? days.from.slice(0, 7) : monthAfter(days.from.slice(0, 7));
  const endMonth = days.to.slice(0, 7);
  if (firstMonth >= endMonth) return { days: [days] };
  const around = [
    { from: days.from, to: `${firstMonth}-01` },
    { from: `${endMonth}-01`, to: days.to },
  ].filter((d) => d.from < d.to);
  return { months: { from: firstMonth, to: endMonth }, days: around };
}

/** Adds up rows of the same key (counters and edges give one row each per key). */
function sumBy<T>(rows: readonly T[], key: (row: T) => string, add: (a: T, b: T) => T): T[] {
  const sums = new Map<string, T>();
  for (const row of rows) {
    const k = key(row);
    const seen = sums.get(k);
    sums.set(k, seen === undefined ? row : add(seen, row));
  }
  return [...sums.values()];
}

/**
 * The panels read from the counters: a year of a large clinic is some thousands of counter rows. The
 * local date of a quarter is found as that of a stored instant (the same expression, the same offsets
 * cut to the minute). Counts that writes took back to nothing stay as rows of zero and are left out.
 */
export function countedPanels(db: Kysely<Database>, postgres: boolean, fromRows: DashboardPanels): DashboardPanels {
  const inWindow = (q: DashboardQuery) => ({
    day: localDate(
      postgres,
      sql.ref('quarter'),
      q.offsets.map((o) => ({ ...o, until: quarter(o.until) })),
    ),
    range: sql`clinic_id = ${q.clinicId} and quarter >= ${quarter(q.from)} and quarter < ${quarter(q.to)}`,
  });
  const countOf = (status: SessionStatus) => sql`sum(case when status = ${sql.lit(status)} then sessions else 0 end)`;

  return {
    async sessionsByDay(q) {
      if (!onQuarters(q)) return fromRows.sessionsByDay(q);
      const { day, range } = inWindow(q);
      const { rows } = await sql<Record<'day' | SessionStatus, unknown>>`
        select ${day} as day, ${countOf('planned')} as planned, ${countOf('done')} as done,
               ${countOf('cancelled')} as cancelled, ${countOf('no_show')} as no_show
          from dashboard_session_quarters where ${range} group by 1`.execute(db);
      return rows.flatMap((r) =>
        sessionStatuses
          .map((status) => ({ date: String(r.day), status, sessions: count(r[status]) }))
          .filter((c) => c.sessions > 0),
      );
    },

    async bookedTime(q, defaultMinutes) {
      const { days, edges } = splitOnUtcDays(q);
      const parts = await Promise.all(edges.map((edge) => fromRows.bookedTime(edge, defaultMinutes)));
      const counted = (unit: 'day' | 'month', range: { from: string; to: string }) =>
        sql<{ practitioner_id: string; room_id: string; n: unknown; minutes: unknown }>`
          select practitioner_id, room_id, sum(sessions) as n, sum(minutes) + sum(untimed) * ${defaultMinutes} as minutes
            from ${sql.table(`dashboard_booked_${unit}s`)}
           where clinic_id = ${q.clinicId} and ${sql.ref(unit)} >= ${range.from} and ${sql.ref(unit)} < ${range.to}
           group by 1, 2`.execute(db);
      if (days) {
        const { months, days: around } = splitOnUtcMonths(days);
        const results = await Promise.all([
          ...(months ? [counted('month', months)] : []),
          ...around.map((range) => counted('day', range)),
        ]);
        for (const { rows } of results)
          parts.push(
            rows.map((r) => ({
              practitionerId: r.practitioner_id || null,
              roomId: r.room_id || null,
              sessions: count(r.n),
              minutes: count(r.minutes),
            })),
          );
      }
      return sumBy<BookedTime>(
        parts.flat(),
        (r) => `${r.practitionerId ?? ''} ${r.roomId ?? ''}`,
        (a, b) => ({ ...a, sessions: a.sessions + b.sessions, minutes: a.minutes + b.minutes }),
      ).filter((r) => r.sessions !== 0 || r.minutes !== 0);
    },

    async coursesCompletedByDay(q) {
      if (!onQuarters(q)) return fromRows.coursesCompletedByDay(q);
      const { day, range } = inWindow(q);
      const { rows } = await sql<{ day: string; n: unknown }>`
        select ${day} as day, sum(completed) as n from dashboard_course_quarters where ${range} group by 1`.execute(db);
      return rows.map((r) => ({ date: String(r.day), count: count(r.n) })).filter((r) => r.count > 0);
    },

    async sideEffectsByLevel(q) {
      const { days, edges } = splitOnUtcDays(q);
      const parts = await Promise.all(edges.map((edge) => fromRows.sideEffectsByLevel(edge)));
      if (days) {
        const { rows } = await sql<{ level: string; n: unknown; open: unknown }>`
          select level, sum(reports) as n, sum(open) as open from dashboard_report_days
           where clinic_id = ${q.clinicId} and day >= ${days.from} and day < ${days.to}
           group by 1`.execute(db);
        parts.push(
          rows.map((r) => ({
            level: (r.level || null) as SideEffectLevelCount['level'],
            reports: count(r.n),
            open: count(r.open),
          })),
        );
      }
      return sumBy<SideEffectLevelCount>(
        parts.flat(),
        (r) => r.level ?? '',
        (a, b) => ({ ...a, reports: a.reports + b.reports, open: a.open + b.open }),
      ).filter((r) => r.reports > 0);
    },

    async takingsByDay(q) {
      if (!onQuarters(q)) return fromRows.takingsByDay(q);
      const { day, range } = inWindow(q);
      const { rows } = await sql<{ day: string; currency: string; method: string; n: unknown; amount: unknown }>`
        select ${day} as day, currency, method, sum(payments) as n, sum(amount_minor) as amount
          from dashboard_payment_quarters where ${range} group by 1, 2, 3`.execute(db);
      return rows
        .map((r) => ({
          date: String(r.day),
          currency: r.currency,
          method: r.method,
          payments: count(r.n),
          amountMinor: count(r.amount),
        }))
        .filter((r) => r.payments > 0);
    },
  };
}
