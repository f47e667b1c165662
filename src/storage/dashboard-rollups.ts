import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import { engineOf } from './create-database.js';

/**
 * The dashboard's counts kept up to date by the writes themselves, so that a year of a large clinic
 * is a few thousand rows to add up instead of every session, payment and report of the year.
 *
 * Triggers keep them, on both engines: every write changes them with its row, and nothing in the
 * services has to remember to (a bulk load into an empty database drops the triggers and recounts
 * once at its end: src/storage/seed-large/seed-large.ts). Each change takes the
 * old row's part away and adds the new row's. Counts that the dashboard shows per clinic-local day are
 * kept per UTC quarter hour (every zone's offset is a whole number of quarter hours, so each quarter
 * falls in one local day); counts shown for the window as a whole are kept per UTC day (booked time
 * per UTC month too), and the
 * repository reads the window's partial first and last days from the rows themselves.
 *
 * On PostgreSQL the triggers are deferred to the commit, so a transaction holds the counters' rows
 * for as short a time as possible: concurrent bookings touch the same few rows.
 */

/** The UTC quarter hour (YYYY-MM-DDTHH:MM) of a stored instant (ISO 8601 text in UTC). */
const quarterOf = (at: string) =>
  `substr(${at}, 1, 14) || case when substr(${at}, 15, 2) < '15' then '00' when substr(${at}, 15, 2) < '30' then '15'
     when substr(${at}, 15, 2) < '45' then '30' else '45' end`;
const dayOf = (at: string) => `substr(${at}, 1, 10)`;

/** A session's clinic: its location's, or for a session without one, its patient's. */
const sessionClinic = (row: string) => `coalesce(
  (select l.clinic_id from locations l where l.id = ${row}.location_id),
  (select p.clinic_id from courses c join patients p on p.id = c.patient_id where c.id = ${row}.course_id))`;

interface Rollup {
  table: string;
  /** The source table and the columns whose change moves a count. */
  source: string;
  columns: readonly string[];
  /** One upsert per counter table, for the row `row` (NEW or OLD) counted with `sign`. */
  upserts(row: string, sign: 1 | -1): string[];
}

/**
 * Adds one row's part to a counter table. `where` ends the SELECT: SQLite needs one there, or its parser
 * reads the upsert's ON as a join's.
 */
function upsert(table: string, key: readonly string[], values: readonly string[], where: string): string {
  const columns = columnsOf(table);
  return `insert into ${table} (${columns.join(', ')})
    select ${values.join(', ')} ${where}
    on conflict (${key.join(', ')}) do update set ${columns
      .slice(key.length)
      .map((c) => `${c} = ${table}.${c} + excluded.${c}`)
      .join(', ')}`;
}

const tableColumns: Record<string, readonly string[]> = {
  dashboard_session_quarters: ['clinic_id', 'quarter', 'status', 'sessions'],
  dashboard_booked_days: ['clinic_id', 'day', 'practitioner_id', 'room_id', 'sessions', 'minutes', 'untimed'],
  dashboard_booked_months: ['clinic_id', 'month', 'practitioner_id', 'room_id', 'sessions', 'minutes', 'untimed'],
  dashboard_course_quarters: ['clinic_id', 'quarter', 'completed'],
  dashboard_report_days: ['clinic_id', 'day', 'level', 'reports', 'open'],
  dashboard_payment_quarters: ['clinic_id', 'quarter', 'currency', 'method', 'payments', 'amount_minor'],
};
const columnsOf = (table: string) => tableColumns[table] ?? [];
/** The counter tables, in the order they were created. */
export const dashboardRollupTables = Object.keys(tableColumns);

const rollups: readonly Rollup[] = [
  {
    table: 'dashboard_session_quarters',
    source: 'treatment_sessions',
    columns: ['scheduled_at', 'status', 'location_id', 'course_id', 'practitioner_id', 'room_id', 'duration_minutes'],
    upserts: (r, sign) => [
      upsert(
        'dashboard_session_quarters',
        ['clinic_id', 'quarter', 'status'],
        ['k.clinic_id', quarterOf(`${r}.scheduled_at`), `${r}.status`, `${sign}`],
        `from (select ${sessionClinic(r)} as clinic_id) k where k.clinic_id is not null`,
      ),
      // Utilisation counts what holds a slot: planned, done and missed sessions, not cancelled ones,
      // per UTC day and per UTC month (a year is then twelve months and the days at its ends).
      ...(['day', 'month'] as const).map((unit) =>
        upsert(
          `dashboard_booked_${unit}s`,
          ['clinic_id', unit, 'practitioner_id', 'room_id'],
          [
            'k.clinic_id',
            `substr(${r}.scheduled_at, 1, ${unit === 'day' ? 10 : 7})`,
            `coalesce(${r}.practitioner_id, '')`,
            `coalesce(${r}.room_id, '')`,
            `${sign}`,
            `${sign} * coalesce(${r}.duration_minutes, 0)`,
            `case when ${r}.duration_minutes is null then ${sign} else 0 end`,
          ],
          `from (select ${sessionClinic(r)} as clinic_id) k where k.clinic_id is not null and ${r}.status <> 'cancelled'`,
        ),
      ),
    ],
  },
  {
    table: 'dashboard_course_quarters',
    source: 'courses',
    columns: ['status', 'updated_at', 'patient_id'],
    // A completed course changes no more: the time it was last changed is when it was completed.
    upserts: (r, sign) => [
      upsert(
        'dashboard_course_quarters',
        ['clinic_id', 'quarter'],
        ['p.clinic_id', quarterOf(`${r}.updated_at`), `${sign}`],
        `from patients p where p.id = ${r}.patient_id and ${r}.status = 'completed'`,
      ),
    ],
  },
  {
    table: 'dashboard_report_days',
    source: 'side_effect_reports',
    columns: ['created_at', 'session_id', 'triage_level', 'ongoing'],
    upserts: (r, sign) => [
      upsert(
        'dashboard_report_days',
        ['clinic_id', 'day', 'level'],
        [
          'k.clinic_id',
          dayOf(`${r}.created_at`),
          `coalesce(${r}.triage_level, '')`,
          `${sign}`,
          `case when ${r}.ongoing = 1 then ${sign} else 0 end`,
        ],
        `from (select ${sessionClinic('s')} as clinic_id from treatment_sessions s where s.id = ${r}.session_id) k
          where k.clinic_id is not null`,
      ),
    ],
  },
  {
    table: 'dashboard_payment_quarters',
    source: 'payments',
    columns: ['clinic_id', 'received_at', 'currency', 'method', 'amount_minor'],
    upserts: (r, sign) => [
      upsert(
        'dashboard_payment_quarters',
        ['clinic_id', 'quarter', 'currency', 'method'],
        [
          `${r}.clinic_id`,
          quarterOf(`${r}.received_at`),
          `${r}.currency`,
          `${r}.method`,
          `${sign}`,
          `${sign} * ${r}.amount_minor`,
        ],
        'where true',
      ),
    ],
  },
];

/** The triggers that keep the counts (see above), for every counter table. */
export async function createDashboardRollupTriggers<DB>(db: Kysely<DB>): Promise<void> {
  const postgres = engineOf(db) === 'postgres';
  for (const rollup of rollups) {
    const name = `${rollup.table}_kept`;
    const updateOf = `update of ${rollup.columns.join(', ')}`;
    if (postgres) {
      await sql`create function ${sql.raw(name)}() returns trigger language plpgsql as ${sql.raw(`$$
        begin
          if tg_op <> 'INSERT' then ${rollup.upserts('OLD', -1).join(';\n')}; end if;
          if tg_op <> 'DELETE' then ${rollup.upserts('NEW', 1).join(';\n')}; end if;
          return null;
        end $$`)}`.execute(db);
      await sql`create constraint trigger ${sql.raw(name)} after insert or ${sql.raw(updateOf)} or delete
        on ${sql.table(rollup.source)} deferrable initially deferred
        for each row execute function ${sql.raw(name)}()`.execute(db);
      continue;
    }
    const body = (statements: string[]) => sql.raw(statements.map((s) => `${s};`).join('\n'));
    await sql`create trigger ${sql.raw(`${name}_insert`)} after insert on ${sql.table(rollup.source)}
      begin ${body(rollup.upserts('NEW', 1))} end`.execute(db);
    await sql`create trigger ${sql.raw(`${name}_update`)} after ${sql.raw(updateOf)} on ${sql.table(rollup.source)}
      begin ${body([...rollup.upserts('OLD', -1), ...rollup.upserts('NEW', 1)])} end`.execute(db);
    await sql`create trigger ${sql.raw(`${name}_delete`)} after delete on ${sql.table(rollup.source)}
      begin ${body(rollup.upserts('OLD', -1))} end`.execute(db);
  }
}

/** Takes the triggers away, for a bulk load that recounts once at its end. */
export async function dropDashboardRollupTriggers<DB>(db: Kysely<DB>): Promise<void> {
  const postgres = engineOf(db) === 'postgres';
  for (const rollup of rollups) {
    const name = `${rollup.table}_kept`;
    if (postgres) {
      await sql`drop trigger if exists ${sql.raw(name)} on ${sql.table(rollup.source)}`.execute(db);
      await sql`drop function if exists ${sql.raw(name)}()`.execute(db);
    } else {
      for (const event of ['insert', 'update', 'delete'])
        await sql`drop trigger if exists ${sql.raw(`${name}_${event}`)}`.execute(db);
    }
  }
}

/** Counts what is already stored, one grouped statement per counter table. */
export async function recountDashboardRollups<DB>(db: Kysely<DB>): Promise<void> {
  for (const table of dashboardRollupTables) await sql`delete from ${sql.table(table)}`.execute(db);
  const run = (text: string) => sql.raw(text).execute(db);
  const sessions = `(select s.*, ${sessionClinic('s')} as clinic_id from treatment_sessions s) s`;
  await run(`insert into dashboard_session_quarters (clinic_id, quarter, status, sessions)
    select clinic_id, ${quarterOf('s.scheduled_at')}, status, count(*) from ${sessions}
     where clinic_id is not null group by 1, 2, 3`);
  await run(`insert into dashboard_booked_days (clinic_id, day, practitioner_id, room_id, sessions, minutes, untimed)
    select clinic_id, ${dayOf('s.scheduled_at')}, coalesce(practitioner_id, ''), coalesce(room_id, ''), count(*),
           coalesce(sum(duration_minutes), 0), sum(case when duration_minutes is null then 1 else 0 end)
      from ${sessions} where clinic_id is not null and status <> 'cancelled' group by 1, 2, 3, 4`);
  await run(`insert into dashboard_booked_months (clinic_id, month, practitioner_id, room_id, sessions, minutes, untimed)
    select clinic_id, substr(day, 1, 7), practitioner_id, room_id, sum(sessions), sum(minutes), sum(untimed)
      from dashboard_booked_days group by 1, 2, 3, 4`);
  await run(`insert into dashboard_course_quarters (clinic_id, quarter, completed)
    select p.clinic_id, ${quarterOf('c.updated_at')}, count(*) from courses c join patients p on p.id = c.patient_id
     where c.status = 'completed' group by 1, 2`);
  await run(`insert into dashboard_report_days (clinic_id, day, level, reports, open)
    select s.clinic_id, ${dayOf('r.created_at')}, coalesce(r.triage_level, ''), count(*),
           sum(case when r.ongoing = 1 then 1 else 0 end)
      from side_effect_reports r join ${sessions} on s.id = r.session_id where s.clinic_id is not null group by 1, 2, 3`);
  await run(`insert into dashboard_payment_quarters (clinic_id, quarter, currency, method, payments, amount_minor)
    select clinic_id, ${quarterOf('received_at')}, currency, method, count(*), sum(amount_minor) from payments
     group by 1, 2, 3, 4`);
}
