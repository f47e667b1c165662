// The generated clinic the dashboard benchmark reads: `mesodesk seed-large` (five years of history, the
// last of them the year the dashboard reads), plus what the generator does not write and the dashboard
// counts: payments (the money tables are newer than the generator) and side-effect reports' triage
// level and whether the symptom was ongoing. Its own databases (not the API benchmark's cache, which
// these additions would change): bench/.data/dashboard-sqlite-<patients>/ and PostgreSQL
// `mesodesk_bench_dashboard_<patients>`, generated once and reused while FORMAT is unchanged.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { processIo } from '../../dist/cli/cli-io.js';
import { seedLargeCommand } from '../../dist/cli/commands/seed-large-command.js';
import { createDatabase } from '../../dist/storage/create-database.js';
import { migrateToLatest } from '../../dist/storage/migrate.js';
import { cachedDatabaseMeta, databaseUrl, saveDatabaseMeta, withPgClient } from './postgres.js';

/** Bump when what is generated or added changes, so cached clinics are made again. */
const FORMAT = 1;
export const CLINIC_NAME = 'Benchmark Clinic';
const PASSWORD = 'benchmark password, synthetic data only';
/** Cheap hashing for the generated accounts: nobody signs in to this clinic. */
const HASHING = { memoryCost: 1024, timeCost: 1, parallelism: 1 };

async function generate(patients, env) {
  const now = new Date();
  const started = performance.now();
  const code = await seedLargeCommand(
    { patients: String(patients), clinic: CLINIC_NAME, password: PASSWORD, seed: '1' },
    processIo,
    env,
    { now, passwordHashing: HASHING },
  );
  if (code !== 0) throw new Error(`seed-large failed with exit code ${code}`);
  return { format: FORMAT, patients, now: now.toISOString(), generatedSeconds: (performance.now() - started) / 1000 };
}

/** The SQLite clinic of `patients` patients under `cacheDir`, generated first when missing. */
export async function sqliteDashboardClinic(patients, cacheDir) {
  const dir = join(cacheDir, `dashboard-sqlite-${patients}`);
  const metaFile = join(dir, 'clinic.json');
  const config = { engine: 'sqlite', file: join(dir, 'mesodesk.sqlite') };
  const save = (m) => writeFileSync(metaFile, `${JSON.stringify(m, null, 2)}\n`);
  if (existsSync(metaFile)) {
    const meta = JSON.parse(readFileSync(metaFile, 'utf8'));
    if (meta.format === FORMAT && meta.patients === patients) return { config, meta, reused: true, save };
  }
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const meta = await generate(patients, { MESODESK_DATA_DIR: dir });
  // Written last: a generation cut short is not taken for a complete one next time.
  save(meta);
  return { config, meta, reused: false, save };
}

/** The PostgreSQL clinic, its details in the database's comment (written last). */
export async function postgresDashboardClinic(patients, adminUrl) {
  const name = `mesodesk_bench_dashboard_${patients}`;
  const url = databaseUrl(adminUrl, name);
  const config = { engine: 'postgres', url };
  const save = (m) => saveDatabaseMeta(adminUrl, name, m);
  const found = await cachedDatabaseMeta(
    adminUrl,
    name,
    (meta) => meta.format === FORMAT && meta.patients === patients,
  );
  if (found) return { config, meta: found, reused: true, save };
  await withPgClient(adminUrl, (c) => c.query(`create database "${name}"`));
  const meta = await generate(patients, { DATABASE_URL: url });
  await save(meta);
  return { config, meta, reused: false, save };
}

const PREPARED = 1;

/**
 * Brings the clinic to this build's schema (the dashboard's indexes among it) and adds what the
 * generator leaves out, once: for every course with sessions done in the 400 days before the
 * generation, an invoice, and a payment per session done (an amount and a method spread by the
 * session's id, received when the session ended); the triage level of each report from its stored
 * triage, and reports of the last 60 days as still ongoing. Returns the seconds each step took.
 */
export async function prepareDashboardClinic(clinic) {
  const { config, meta } = clinic;
  const db = createDatabase(config);
  const postgres = config.engine === 'postgres';
  const steps = {};
  const timed = async (name, work) => {
    const started = performance.now();
    await work();
    steps[name] = (performance.now() - started) / 1000;
  };
  try {
    await timed('migrations (to this build, the dashboard indexes and counters included)', () => migrateToLatest(db));
    if (meta.prepared === PREPARED) return { ...meta.preparedSteps, ...steps };
    const since = new Date(Date.parse(meta.now) - 400 * 86_400_000).toISOString();
    const clinicId = (
      await db.selectFrom('clinics').select('id').where('name', '=', CLINIC_NAME).executeTakeFirstOrThrow()
    ).id;
    const done = sql`
      select s.id, s.course_id, s.scheduled_at, s.duration_minutes, c.patient_id
        from treatment_sessions s join courses c on c.id = s.course_id
       where s.status = 'done' and s.scheduled_at >= ${since} and s.scheduled_at < ${meta.now}`;
    const lastChar = (column) =>
      postgres ? sql`ascii(right(${sql.ref(column)}, 1))` : sql`unicode(substr(${sql.ref(column)}, -1))`;
    const endOf = postgres
      ? sql`to_char(cast(d.scheduled_at as timestamp) + make_interval(mins => coalesce(d.duration_minutes, 60)), 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`
      : sql`strftime('%Y-%m-%dT%H:%M:%fZ', d.scheduled_at, '+' || coalesce(d.duration_minutes, 60) || ' minutes')`;
    await timed('invoices and payments', async () => {
      await sql`
        insert into invoices (id, clinic_id, number, kind, patient_id, course_id, quote_id, issue_date, due_date, currency,
                              net_minor, tax_minor, total_minor, paid_minor, credited_minor, created_at, created_by,
                              issuer_name, patient_name)
        select 'bench-' || d.course_id, ${clinicId}, 'BENCH-' || d.course_id, 'invoice', min(d.patient_id), d.course_id,
               null, substr(min(d.scheduled_at), 1, 10), null, 'EUR', 10000000, 0, 10000000, 0, 0, min(d.scheduled_at), null,
               'Bench clinic', 'Bench patient'
          from (${done}) d group by d.course_id`.execute(db);
      await sql`
        insert into payments (id, clinic_id, invoice_id, patient_id, amount_minor, currency, method, received_at,
                              reference, recorded_by, created_at)
        select 'bench-' || d.id, ${clinicId}, 'bench-' || d.course_id, d.patient_id, 6000 + (${lastChar('d.id')} % 9) * 1500,
               'EUR', case ${lastChar('d.id')} % 3 when 0 then 'cash' when 1 then 'card' else 'transfer' end,
               ${endOf}, null, null, ${endOf}
          from (${done}) d`.execute(db);
    });
    const recent = new Date(Date.parse(meta.now) - 60 * 86_400_000).toISOString();
    await timed('side-effect triage levels and ongoing', () =>
      sql`
        update side_effect_reports
           set triage_level = ${postgres ? sql`cast(triage as jsonb) ->> 'level'` : sql`json_extract(triage, '$.level')`},
               ongoing = case when created_at >= ${recent} then 1 else 0 end
         where triage is not null`.execute(db),
    );
    if (postgres) await timed('vacuum analyze', () => withPgClient(config.url, (c) => c.query('vacuum analyze')));
    meta.prepared = PREPARED;
    meta.preparedSteps = steps;
    await clinic.save(meta);
    return steps;
  } finally {
    await db.destroy();
  }
}
