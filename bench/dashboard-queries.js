// The dashboard's queries (issue 21) on a large generated clinic: each panel's query through the
// repository the route uses (src/storage/repositories/kysely-dashboard-repository.ts), one at a time,
// for the default window (the last 30 days) and the longest (366 days), on SQLite and PostgreSQL,
// with each query's plan beside its timings. Target: p95 <= 200 ms per query and engine.
//
// Run: npm run bench (BENCH_ONLY=dashboard), or after a build:
//   node bench/dashboard-queries.js [--patients N]
// BENCH_PATIENTS or --patients (1000000), BENCH_ENGINES (sqlite,postgres), BENCH_RUNS (40 measured runs
// of each query per window), BENCH_POSTGRES_URL (a database to connect to for creating the benchmark's
// own; default TEST_POSTGRES_URL or postgres://127.0.0.1:5432/test). The clinic is generated once per
// size and engine (bench/lib/dashboard-clinic.js) and reused.
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { CompiledQuery, Kysely, sql } from 'kysely';
import { createDatabase } from '../dist/storage/create-database.js';
import { createRepositories } from '../dist/storage/repositories/repositories.js';
import { loadDashboard, resolveDashboardWindow } from '../dist/services/dashboard/dashboard.js';
import { openSafetySignalCount } from '../dist/services/safety-signals/open-signal-count.js';
import {
  CLINIC_NAME,
  postgresDashboardClinic,
  prepareDashboardClinic,
  sqliteDashboardClinic,
} from './lib/dashboard-clinic.js';
import { formatRate, machine, recordSection } from './lib/results.js';
import { cacheDirOption, enginesOption, patientsOption } from './lib/bench-options.js';

const PATIENTS = patientsOption();
const ENGINES = enginesOption();
const RUNS = Number(process.env.BENCH_RUNS ?? 40);
const WARMUP = 3;
const TARGET_MS = 200;
const ADMIN_URL = process.env.BENCH_POSTGRES_URL || process.env.TEST_POSTGRES_URL || 'postgres://127.0.0.1:5432/test';
const CACHE_DIR = cacheDirOption();

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
const ms = (n) => n.toFixed(1);
const seconds = (s) => (s >= 100 ? `${Math.round(s)} s` : `${s.toFixed(1)} s`);
const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' / ');

/** The panels, each one repository call (the working hours: the four small reads it makes). */
function panels(repos, window) {
  const q = window.query;
  return [
    { name: 'sessions per day and status', run: () => repos.dashboard.sessionsByDay(q) },
    { name: 'booked minutes per practitioner and room', run: () => repos.dashboard.bookedTime(q, 60) },
    {
      name: 'working hours (locations, rooms, hours, closures)',
      run: () => repos.dashboard.clinicAvailability(q.clinicId, { from: window.from, to: window.to }),
    },
    { name: 'courses completed per day', run: () => repos.dashboard.coursesCompletedByDay(q) },
    { name: 'side-effect reports by triage level', run: () => repos.dashboard.sideEffectsByLevel(q) },
    { name: 'takings per day, currency and method', run: () => repos.dashboard.takingsByDay(q) },
    { name: 'open safety signals (the safety-signals count)', run: () => openSafetySignalCount(repos, q.clinicId) },
  ];
}

/** Each compiled query the panel sends, with its plan: SQLite's EXPLAIN QUERY PLAN, PostgreSQL's EXPLAIN ANALYZE. */
async function plansOf(config, windowQuery, panel) {
  const queries = [];
  const recording = createDatabase(config);
  const plugin = {
    transformQuery: ({ node, queryId }) => {
      queries.push(recording.getExecutor().compileQuery(node, queryId));
      return node;
    },
    transformResult: async ({ result }) => result,
  };
  try {
    const repos = createRepositories(recording.withPlugin(plugin));
    await panel(repos, windowQuery).run();
    const plans = [];
    for (const query of queries) {
      const sqlite = config.engine === 'sqlite';
      const explain = sqlite ? 'explain query plan' : 'explain (analyze, buffers)';
      const { rows } = await recording.executeQuery(
        CompiledQuery.raw(`${explain} ${query.sql}`, [...query.parameters]),
      );
      plans.push({
        sql: query.sql.replace(/\s+/g, ' ').trim(),
        plan: rows.map((r) => String(sqlite ? r.detail : r['QUERY PLAN'])),
      });
    }
    return plans;
  } finally {
    await recording.destroy();
  }
}

async function sizes(db, window) {
  const count = async (query) => Number((await query.execute(db)).rows[0].n);
  return {
    patients: await count(sql`select count(*) as n from patients`),
    sessions: await count(sql`select count(*) as n from treatment_sessions`),
    inWindow: await count(
      sql`select count(*) as n from treatment_sessions where scheduled_at >= ${window.query.from} and scheduled_at < ${window.query.to}`,
    ),
    payments: await count(sql`select count(*) as n from payments`),
    reports: await count(sql`select count(*) as n from side_effect_reports`),
  };
}

async function runEngine(engine) {
  const clinic =
    engine === 'sqlite'
      ? await sqliteDashboardClinic(PATIENTS, CACHE_DIR)
      : await postgresDashboardClinic(PATIENTS, ADMIN_URL);
  console.log(
    `${engine}: ${clinic.reused ? 'reusing' : 'generated'} the clinic of ${formatRate(PATIENTS)} patients (generated ${clinic.meta.now} in ${seconds(clinic.meta.generatedSeconds)})`,
  );
  const steps = await prepareDashboardClinic(clinic);
  console.log(`${engine}: prepared`, steps);
  const db = createDatabase(clinic.config);
  try {
    const repos = createRepositories(db);
    const clinicId = (
      await db.selectFrom('clinics').select('id').where('name', '=', CLINIC_NAME).executeTakeFirstOrThrow()
    ).id;
    const now = new Date(clinic.meta.now);
    const windows = [];
    for (const days of [30, 366]) {
      const last = await resolveDashboardWindow(repos, { clinicId, now });
      const from = new Date(Date.parse(`${last.to}T12:00:00Z`) - (days - 1) * 86_400_000).toISOString().slice(0, 10);
      windows.push({ days, window: await resolveDashboardWindow(repos, { clinicId, from, to: last.to, now }) });
    }
    const results = [];
    for (const { days, window } of windows) {
      const list = [
        ...panels(repos, window),
        {
          name: 'the whole dashboard (every panel, as GET /api/dashboard answers an admin)',
          run: () => loadDashboard(repos, { clinicId, role: 'admin', from: window.from, to: window.to, now }),
          whole: true,
        },
      ];
      for (const item of list) for (let i = 0; i < WARMUP; i++) await item.run();
      const times = list.map(() => []);
      // Round by round, so that every query meets the same moments of a shared machine.
      for (let round = 0; round < RUNS; round++)
        for (const [i, item] of list.entries()) {
          const started = performance.now();
          await item.run();
          times[i].push(performance.now() - started);
        }
      const size = await sizes(db, window);
      for (const [i, item] of list.entries()) {
        const sorted = times[i].sort((a, b) => a - b);
        const figures = { p50: percentile(sorted, 50), p95: percentile(sorted, 95), max: sorted.at(-1) };
        const met = figures.p95 <= TARGET_MS;
        const plans = item.whole ? [] : await plansOf(clinic.config, window, (r, w) => panels(r, w)[i]);
        console.log(
          `${engine} ${days} days | ${item.name}: p50 ${ms(figures.p50)} ms, p95 ${ms(figures.p95)} ms, max ${ms(figures.max)} ms -> ${item.whole ? 'for information' : met ? 'met' : 'MISSED'}`,
        );
        results.push({
          engine,
          days,
          window,
          name: item.name,
          whole: Boolean(item.whole),
          ...figures,
          met,
          plans,
          size,
        });
      }
    }
    return { engine, clinic, steps, results };
  } finally {
    await db.destroy();
  }
}

const loadBefore = load();
const runs = [];
for (const engine of ENGINES) runs.push(await runEngine(engine));
const loadAfter = load();

const missed = runs.flatMap((r) => r.results).filter((r) => !r.whole && !r.met);

const countersNote =
  'How the panels are answered: sessions per day and status, completed courses and takings from counters per UTC quarter hour that triggers keep with every write (migration 0034, `src/storage/dashboard-rollups.ts`), each quarter given its clinic-local day; booked minutes from counters per UTC month and per UTC day, side-effect reports from counters per UTC day, both plus the rows of the partial first and last UTC days of the window (a window in a zone ahead of or behind UTC starts and ends inside UTC days). The plans below are of every statement a panel sends.';
const yearNote =
  'A missed year means the counters alone (a year has up to 35,136 quarter hours per status, currency and method) take longer than the target on this machine.';

/** One section per engine, so that each keeps the size it was last run at. */
function section(run) {
  const { engine, results, clinic, steps } = run;
  const size = results[0].size;
  const engineMissed = results.filter((r) => !r.whole && !r.met);
  const table = results
    .map(
      (r) =>
        `| ${r.days} days (${formatRate(r.size.inWindow)} sessions) | ${r.name} | ${ms(r.p50)} | **${ms(r.p95)}** | ${ms(r.max)} | ${r.whole ? 'for information' : r.met ? 'met' : '**missed**'} |`,
    )
    .join('\n');
  const planBlocks = results
    .filter((r) => !r.whole)
    .map(
      (r) =>
        `<details><summary>${engine}, ${r.days} days: ${r.name} (p95 ${ms(r.p95)} ms)</summary>\n\n${r.plans
          .map((p) => `\`\`\`sql\n${p.sql}\n\`\`\`\n\`\`\`\n${p.plan.join('\n')}\n\`\`\``)
          .join('\n\n')}\n\n</details>`,
    )
    .join('\n');
  const added = Object.entries(steps ?? {})
    .map(([step, s]) => `${step} ${seconds(s)}`)
    .join(', ');
  return `## Dashboard queries on ${engine} (issue 21)

${new Date().toISOString().slice(0, 10)} - ${machine()}

**Size: ${formatRate(size.patients)} patients** (${formatRate(size.sessions)} sessions over five years of history, ${formatRate(size.payments)} payments, ${formatRate(size.reports)} side-effect reports), generated ${clinic.meta.now.slice(0, 10)} by \`mesodesk seed-large\` in ${seconds(clinic.meta.generatedSeconds)}${clinic.reused ? ' (reused)' : ''}; added by the benchmark: ${added}. The windows end on the generation day (clinic-local, Europe/Berlin): the default 30 days and the longest allowed, 366. Each panel's query runs through the repository the route uses, on the product's own connection (${engine === 'sqlite' ? 'one connection and its statement cache' : 'the pool, with named prepared statements'}), one query at a time: ${WARMUP} warm-up runs and ${RUNS} measured runs per query, round by round. "Working hours" is four small reads (locations, rooms, practitioners' hours, closures); "the whole dashboard" is the service behind \`GET /api/dashboard\` for an admin (every panel, the working minutes computed, laid out per day), for information. Load average (1/5/15 min) before / after the run: ${loadBefore} - ${loadAfter} (the machine is shared with other work). Again, at any size: \`npm run build && BENCH_ENGINES=${engine} node bench/dashboard-queries.js --patients N\`.

| window | query | p50 ms | p95 ms | max ms | target p95 <= ${TARGET_MS} ms |
|---|---|---|---|---|---|
${table}

Result on ${engine} at ${formatRate(size.patients)} patients: ${engineMissed.length ? `**missed** (${engineMissed.map((r) => `${r.days} days, ${r.name}`).join('; ')})` : '**met** for every query'}.${engineMissed.some((r) => r.days > 30) ? ` ${yearNote}` : ''}

${countersNote}

The plans of the same queries${engine === 'postgres' ? ' (EXPLAIN ANALYZE: the time and buffers of one run)' : ' (EXPLAIN QUERY PLAN)'}:

${planBlocks}
`;
}

for (const run of runs) recordSection(`dashboard-${run.engine}`, section(run));
console.log(
  `\ntarget p95 <= ${TARGET_MS} ms: ${missed.length ? `MISSED (${missed.length} queries)` : 'met'}; written to bench/RESULTS.md (${runs.map((r) => `dashboard-${r.engine}`).join(', ')})`,
);
process.exitCode = missed.length ? 1 : 0;
