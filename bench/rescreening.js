// Re-screening after a knowledge-base change: every patient of a 1,000,000-patient clinic with an upcoming
// (planned, future) session is screened again under a new knowledge-base version - the work the server
// starts after an upgrade. Timed end to end through the real code path (`rescreenOutdated`, with the
// audit writer the server's start-up run uses): find the outdated sessions, read the intakes, assess each
// session as of its own date, write the flags and the version screened with. Target: <= 10 s.
//
// Peers, measured in the same run over the same rows: reading them only (each upcoming session with its
// patient's latest intake, JSON parsed; nothing assessed or written), then assessing the same (intake,
// session) pairs in memory with mesodesk's `assess` and with json-rules-engine (bench/lib's rules).
//
// Run: npm run bench (or node bench/rescreening.js after a build). The SQLite clinic is generated once into
// bench/.data/ and reused; PostgreSQL gets a fresh database per run (dropped after). Env:
// BENCH_RESCREEN_PATIENTS (1000000), BENCH_RESCREEN_ENGINES (sqlite,postgres), BENCH_POSTGRES_URL (where to
// create the database; default TEST_POSTGRES_URL or postgres://127.0.0.1:5432/test),
// BENCH_RESCREEN_BEFORE_DIST (a folder holding an earlier build's dist/, timed first in the same run for a
// before/after comparison).
import os from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { assess } from '../dist/core/assessment/assess.js';
import { loadKnowledgeBase } from '../dist/knowledge-files/load-knowledge-base.js';
import { localDate } from '../dist/core/dates/local-date.js';
import { createEngine, verdictWithJsonRulesEngine } from './lib/json-rules-engine-rules.js';
import { claimDataDir } from './lib/data-dir.js';
import { postgresClinic, sqliteClinic } from './lib/large-clinic.js';
import { formatRate, machine, recordSection } from './lib/results.js';
import { cacheDirOption } from './lib/bench-options.js';

const PATIENTS = Number(process.env.BENCH_RESCREEN_PATIENTS ?? 1_000_000);
const ENGINES = (process.env.BENCH_RESCREEN_ENGINES ?? 'sqlite,postgres')
  .split(',')
  .map((s) => s.trim())
  .filter(Boolean);
const ADMIN_URL = process.env.BENCH_POSTGRES_URL || process.env.TEST_POSTGRES_URL || 'postgres://127.0.0.1:5432/test';
const BEFORE_DIST = process.env.BENCH_RESCREEN_BEFORE_DIST;
const TARGET_SECONDS = 10;
const CACHE_DIR = cacheDirOption();
const DIST = fileURLToPath(new URL('../dist/', import.meta.url));
/** Upcoming sessions per page: `rescreenOutdated`'s default, which the peers' read follows. */
const BATCH = 500;

const kb = loadKnowledgeBase();
const seconds = (ms) => ms / 1000;
const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' / ');

/** The storage and re-screening modules of a build (this one, or an earlier one for the "before" figure). */
async function build(dist) {
  const from = (path) => import(pathToFileURL(`${dist.replace(/\/?$/, '/')}${path}`).href);
  // Builds before the services layer kept re-screening under server/.
  const rescreening = (file) =>
    from(`services/rescreening/${file}`).catch((err) => {
      if (err?.code !== 'ERR_MODULE_NOT_FOUND') throw err;
      return from(`server/rescreening/${file}`);
    });
  const [
    { createDatabase },
    { databaseConfigFromEnv },
    { createRepositories },
    { rescreenOutdated },
    { screeningAuditEvent },
    startup,
    { migrateToLatest },
  ] = await Promise.all([
    from('storage/create-database.js'),
    from('storage/database-config.js'),
    from('storage/repositories/repositories.js'),
    rescreening('rescreen-outdated.js'),
    rescreening('rescreen-patient.js'),
    rescreening('rescreen-at-start.js'),
    from('storage/migrate.js'),
  ]);
  // Builds before audit entries named many records wrote one entry per change.
  const record =
    startup.recordStartupScreening ??
    ((changes, tx) =>
      tx.audit.append(
        changes.map((c) => ({
          ...screeningAuditEvent(c),
          clinicId: c.clinicId,
          userId: null,
          role: null,
          route: startup.startupRescreeningRoute,
        })),
      ));
  return { createDatabase, databaseConfigFromEnv, createRepositories, rescreenOutdated, record, migrateToLatest };
}

/** What the run must cover: the upcoming planned sessions as of `now`, and their patients. */
async function upcoming(db, now) {
  const row = await db
    .selectFrom('treatment_sessions as s')
    .innerJoin('courses as c', 'c.id', 's.course_id')
    .select((eb) => [eb.fn.countAll().as('sessions'), eb.fn.count('c.patient_id').distinct().as('patients')])
    .where('s.status', '=', 'planned')
    .where('s.scheduled_at', '>', now)
    .executeTakeFirstOrThrow();
  return { sessions: Number(row.sessions), patients: Number(row.patients) };
}

/** Upcoming sessions not screened with `version` (0 after a complete run). */
async function notScreenedWith(db, now, version) {
  const row = await db
    .selectFrom('treatment_sessions')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('status', '=', 'planned')
    .where('scheduled_at', '>', now)
    .where((eb) => eb.or([eb('screened_kb_version', 'is', null), eb('screened_kb_version', '<>', version)]))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** One timed re-screening of the whole clinic under `version`, as the server's start-up run does it. */
async function rescreen(modules, env, now, version) {
  const db = modules.createDatabase(modules.databaseConfigFromEnv(env));
  try {
    const repos = modules.createRepositories(db);
    const knowledgeBase = { ...kb, version };
    const started = performance.now();
    const summary = await modules.rescreenOutdated(repos, knowledgeBase, {
      now: () => new Date(now),
      record: modules.record,
      onError: (patientId, error) => console.error(`re-screening ${patientId} failed:`, error),
    });
    const ms = performance.now() - started;
    return { summary, ms, left: await notScreenedWith(db, now, version) };
  } finally {
    await db.destroy();
  }
}

/**
 * The peers' read: the queries a re-screening makes, without assessing or writing - pages of outdated
 * sessions in schedule order, then for each page's patients (each patient once) their upcoming sessions
 * and their latest intakes. Returns the (intake, session) pairs a re-screening assesses.
 */
async function readPairs(repos, version, now) {
  const pairs = [];
  // Nothing is written, so a patient's later sessions stay outdated: they are skipped here instead.
  const seen = new Set();
  let afterSession;
  for (;;) {
    const page = await repos.screening.outdatedSessions({
      knowledgeBaseVersion: version,
      after: now,
      limit: BATCH,
      ...(afterSession ? { afterSession } : {}),
    });
    const patientIds = [...new Set(page.sessions.map((s) => s.patientId))].filter((id) => !seen.has(id));
    for (const id of patientIds) seen.add(id);
    if (patientIds.length) {
      const targets = await repos.screening.upcomingSessionsOf(patientIds, now);
      const intakes = new Map((await repos.intakes.latestForPatients(patientIds)).map((i) => [i.patientId, i.data]));
      for (const t of targets) {
        const intake = intakes.get(t.patientId);
        if (intake)
          pairs.push({ intake, date: localDate(t.scheduledAt, t.timeZone), indication: t.indication, area: t.area });
      }
    }
    if (!page.next) return pairs;
    afterSession = page.next;
  }
}

async function peers(modules, env, now) {
  const db = modules.createDatabase(modules.databaseConfigFromEnv(env));
  let pairs;
  const read = performance.now();
  try {
    pairs = await readPairs(modules.createRepositories(db), `${kb.version}~bench-never-written`, now);
  } finally {
    await db.destroy();
  }
  const readMs = performance.now() - read;
  const requestFor = (p) => ({
    ...p.intake,
    request: { ...p.intake.request, date: p.date, indication: p.indication, area: p.area },
  });
  const started = performance.now();
  for (const p of pairs) assess(requestFor(p), kb);
  const assessMs = performance.now() - started;
  const engine = createEngine(kb);
  const jreStarted = performance.now();
  for (const p of pairs) await verdictWithJsonRulesEngine(engine, requestFor(p));
  const jreMs = performance.now() - jreStarted;
  return { pairs: pairs.length, readMs, assessMs, jreMs };
}

async function runEngine(engine, current, before) {
  console.log(`\n--- ${engine}: preparing ${formatRate(PATIENTS)} patients`);
  const clinic =
    engine === 'sqlite' ? await sqliteClinic(PATIENTS, CACHE_DIR) : await postgresClinic(PATIENTS, ADMIN_URL);
  if (clinic.reused) console.log(`reusing the database generated ${clinic.meta.now} (${CACHE_DIR})`);
  // The generation's "now": the sessions it booked after it are the upcoming ones, however old the cached database.
  const now = clinic.meta.now;
  // A server started on the same folder (by another benchmark) would re-screen it at the same time.
  const release = clinic.env.MESODESK_DATA_DIR ? await claimDataDir(clinic.env.MESODESK_DATA_DIR) : () => {};
  try {
    const countDb = current.createDatabase(current.databaseConfigFromEnv(clinic.env));
    // A cached clinic may predate this build's migrations (an index the queries use, say): applied first, untimed.
    const expected = await current
      .migrateToLatest(countDb)
      .then(() => upcoming(countDb, now))
      .finally(() => countDb.destroy());
    console.log(`${formatRate(expected.patients)} patients with ${formatRate(expected.sessions)} upcoming sessions`);
    const stamp = Date.now();
    const runs = [];
    const timedRun = async (label, modules, version) => {
      console.log(`${label} (knowledge base ${version})...`);
      const run = await rescreen(modules, clinic.env, now, version);
      const { summary } = run;
      console.log(
        `  ${seconds(run.ms).toFixed(2)} s: ${formatRate(summary.patients)} patients, ${formatRate(summary.sessions)} sessions, ${summary.changed} flags changed, ${summary.failed} failed`,
      );
      if (
        summary.failed ||
        run.left ||
        summary.patients !== expected.patients ||
        summary.sessions !== expected.sessions
      )
        throw new Error(
          `${label} did not re-screen every upcoming session: ${JSON.stringify({ ...summary, notScreened: run.left, expected })}`,
        );
      runs.push({ label, ...run });
      return run;
    };
    // Each version is new to the database, so every upcoming session is outdated; the first pass also
    // brings a fresh database to the state a server upgrade meets (every session screened once).
    if (before) await timedRun('before the fix (earlier build)', before, `${kb.version}~bench-${stamp}-before`);
    const first = await timedRun('first pass', current, `${kb.version}~bench-${stamp}-a`);
    const change = await timedRun('after a knowledge-base change', current, `${kb.version}~bench-${stamp}-b`);
    console.log('peers: reading the same rows, then assessing them in memory...');
    const peer = await peers(current, clinic.env, now);
    console.log(
      `  read ${formatRate(peer.pairs)} (intake, session) pairs in ${seconds(peer.readMs).toFixed(2)} s; mesodesk assess ${seconds(peer.assessMs).toFixed(2)} s; json-rules-engine ${seconds(peer.jreMs).toFixed(2)} s`,
    );
    if (peer.pairs !== expected.sessions)
      throw new Error(`the peers read ${peer.pairs} pairs, not the ${expected.sessions} upcoming sessions`);
    const met = first.ms <= TARGET_SECONDS * 1000 && change.ms <= TARGET_SECONDS * 1000;
    return { engine, clinic, expected, runs, first, change, peer, met };
  } finally {
    release();
    if (clinic.drop) await clinic.drop();
  }
}

const current = await build(DIST);
const before = BEFORE_DIST ? await build(BEFORE_DIST) : undefined;
const loadBefore = load();
const results = [];
for (const engine of ENGINES) results.push(await runEngine(engine, current, before));
const loadAfter = load();

const s2 = (ms) => `${seconds(ms).toFixed(2)} s`;
const rate = (n, ms) => `${formatRate(n / seconds(ms))}/s`;
const rows = results.flatMap((r) => [
  ...r.runs.map(
    (x) =>
      `| ${r.engine} | ${x.label}: \`rescreenOutdated\` (find, read, assess, write, audit) | ${s2(x.ms)} | ${rate(x.summary.sessions, x.ms)} | ${rate(x.summary.patients, x.ms)} |`,
  ),
  `| ${r.engine} | peer: the same queries only (outdated sessions, their patients' upcoming sessions and latest intakes); nothing assessed or written | ${s2(r.peer.readMs)} | ${rate(r.peer.pairs, r.peer.readMs)} | |`,
  `| ${r.engine} | peer: mesodesk \`assess\` of the same (intake, session) pairs, in memory | ${s2(r.peer.assessMs)} | ${rate(r.peer.pairs, r.peer.assessMs)} | |`,
  `| ${r.engine} | peer: json-rules-engine (contraindication rules only) on the same pairs, in memory | ${s2(r.peer.jreMs)} | ${rate(r.peer.pairs, r.peer.jreMs)} | |`,
]);
const generation = results
  .map((r) => {
    const where =
      r.engine === 'sqlite'
        ? 'the SQLite file cached in bench/.data'
        : 'a copy of the cached template database, dropped after';
    const made = `${r.clinic.reused ? `${where}, generated ${r.clinic.meta.now.slice(0, 10)}` : `${where}, generated for this run`} in ${r.clinic.meta.generatedSeconds.toFixed(0)} s`;
    return `${r.engine}: ${made}; ${formatRate(r.expected.patients)} patients with ${formatRate(r.expected.sessions)} upcoming sessions`;
  })
  .join('; ');
const missed = results.filter((r) => !r.met).map((r) => r.engine);
const markdown = `## Re-screening after a knowledge-base change (issue: re-screening)

${new Date().toISOString().slice(0, 10)} - ${machine()}

${formatRate(PATIENTS)} patients generated by \`mesodesk seed-large\` (${generation}; "upcoming" is as of the generation time, so a cached database keeps the same work). Each run re-screens the whole clinic under a knowledge-base version new to the database (the real knowledge base under another version string), so every upcoming session is outdated: \`rescreenOutdated\` from \`dist/\` in this process, with the audit writer of the server's start-up run, one SQLite connection or a pool of 10. Each run is checked: every patient and session re-screened, none failed, no upcoming session left on another version. The first peer makes the re-screening's queries (through the same repositories, in pages of ${BATCH} upcoming sessions) without assessing or writing anything; the others assess the same (intake, session) pairs in memory with mesodesk's \`assess\` and with json-rules-engine (the contraindication rules of bench/lib; facts derived per pair, which favours it: no plan, precautions or conflicts). ${before ? `The "before the fix" rows time an earlier build (\`${BEFORE_DIST}\`) the same way, first, in the same run. ` : ''}Load average (1/5/15 min) before / after: ${loadBefore} - ${loadAfter} (the machine is shared).

| engine | measure | time | sessions/s | patients/s |
|---|---|---|---|---|
${rows.join('\n')}

Target: re-screening after a knowledge-base change (and the first pass) <= ${TARGET_SECONDS} s. Result: ${missed.length ? `**missed** (${missed.join(', ')})` : '**met**'}.`;

console.log(`\n${markdown}`);
recordSection('rescreening', markdown);
process.exitCode = missed.length ? 1 : 0;
