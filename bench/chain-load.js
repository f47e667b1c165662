// A 200-clinic chain at its peak (issue 24): a mixed workload sent open loop, at fixed arrival rates.
// The model (bench/lib/chain-model.js, quoted in the section): 200 clinics, each with 3 practitioners
// (8 requests a minute each) and 2 reception staff (10 a minute) signed in, and 1,000,000 patients of
// whom 5 % visit the portal on the busiest day, a fifth of them in its busiest hour (3 requests a
// visit): about 155 requests a second. The mix: schedule views (a location's day, the arrivals),
// patient reads, name searches, assessments, intakes, bookings, chart reads and addenda, portal visits.
// Request i is due at start + i / rate whether or not earlier ones were answered; latency runs from
// its due time, so queueing (the server's, or a generator falling behind) shows in it
// (bench/lib/open-loop.js). Each rate: BENCH_WARMUP_SECONDS of warm-up, then BENCH_SECONDS measured.
// Target: 400 req/s with p99 <= 50 ms and no errors, SQLite and PostgreSQL. Reported: p50 / p99 /
// p99.9 and errors at each rate, and the highest rate with p99 <= 100 ms (measured rates, then
// BENCH_BISECT rates halfway between the last under and the first over). PostgreSQL runs with
// MESODESK_WORKERS=1 and 2 (the ratio of their highest rates). A peer that does strictly less, a bare
// Fastify answering each kind with a kept real answer, takes the same rates on the same machine.
//
// Setup, untimed: staff sign in; a few patients get portal accounts (seed-large makes none: an
// admin's invitation each, accepted; reused by later runs). A booking adds a session to an active
// course, in a far-future half hour of its own (bench/lib/chain-requests.js), so that bookings
// neither take each other's slots nor touch the weeks other benchmarks measure. Writes go to the
// database: on SQLite the cached clinic, on PostgreSQL a copy of the cached template, dropped after.
//
// Run: npm run bench (BENCH_ONLY=chain-load), or after a build: node bench/chain-load.js [--patients N]
// BENCH_PATIENTS (1000000), BENCH_ENGINES (sqlite,postgres), BENCH_RATES (100,200,400,800),
// BENCH_SECONDS (30), BENCH_WARMUP_SECONDS (5), BENCH_BISECT (1), BENCH_WORKERS (1,2: PostgreSQL's
// process counts), BENCH_PRACTITIONERS_PER_LOCATION (the model's practitioners per clinic, 3),
// BENCH_POSTGRES_PATIENTS (BENCH_PATIENTS), BENCH_CACHE_DIR (bench/.data), BENCH_POSTGRES_URL (default TEST_POSTGRES_URL or postgres://127.0.0.1:5432/test).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { answers, freePort, startChild } from './lib/child-process.js';
import { whenFree } from './lib/data-dir.js';
import { postgresClinic, sqliteClinic } from './lib/large-clinic.js';
import { formatRate } from './lib/results.js';
import { cacheDirOption, enginesOption, patientsOption } from './lib/bench-options.js';
import { sampleClinic } from './lib/chain-sample.js';
import { signInPortalPatients, signInStaff } from './lib/chain-users.js';
import { requestsFor } from './lib/chain-requests.js';
import { MODEL } from './lib/chain-model.js';
import { openLoop, summarize, byKind } from './lib/open-loop.js';
import { treeCpuMs, writeChainSection } from './lib/chain-report.js';

const PATIENTS = patientsOption();
// For a run whose PostgreSQL clinic of PATIENTS is not generated yet: the section names each size.
const POSTGRES_PATIENTS = Number(process.env.BENCH_POSTGRES_PATIENTS || PATIENTS);
const ENGINES = enginesOption();
const list = (value) => value.split(',').map(Number).filter(Boolean);
const RATES = list(process.env.BENCH_RATES ?? '100,200,400,800');
const SECONDS = Number(process.env.BENCH_SECONDS ?? 30);
const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP_SECONDS ?? 5);
const BISECT = Number(process.env.BENCH_BISECT ?? 1);
const WORKERS = list(process.env.BENCH_WORKERS ?? '1,2');
// A location of the generated clinic is a clinic of the chain: as many practitioners as the model gives
// one, so that a location's day (the calendar, the arrivals) is the size of a clinic's.
const PER_LOCATION = Number(
  process.env.BENCH_PRACTITIONERS_PER_LOCATION ?? MODEL.staff.find((s) => s.role === 'practitioner').perClinic,
);
const CONNECTIONS = 256;
const STAFF = { practitioner: 10, reception: 6, patient: 20 };
const TARGET = { rate: 400, p99: 50, limitP99: 100 };
const ADMIN_URL = process.env.BENCH_POSTGRES_URL || process.env.TEST_POSTGRES_URL || 'postgres://127.0.0.1:5432/test';
const CACHE_DIR = cacheDirOption();
const SERVER = fileURLToPath(new URL('../dist/server/main.js', import.meta.url));
const PEER = fileURLToPath(new URL('./lib/chain-peer-server.js', import.meta.url));

const today = new Date().toISOString().slice(0, 10);

// Setup's requests (sign-ins, invitations, courses) go through fetch; a keep-alive connection the
// server closed just as it was reused fails with ECONNRESET, and is tried again on a new one.
const plainFetch = globalThis.fetch;
globalThis.fetch = async (...args) => {
  for (let attempt = 1; ; attempt++) {
    try {
      return await plainFetch(...args);
    } catch (error) {
      if (attempt >= 3 || error.cause?.code !== 'ECONNRESET') throw error;
    }
  }
};
const load1 = () => os.loadavg()[0];
const ms = (n) => (Number.isFinite(n) ? (n < 10 ? n.toFixed(1) : n.toFixed(0)) : '?');

/**
 * One rate: warm-up, then the measured run, with the server's and the generator's CPU over it.
 * `prepare(count)` gives requestsFor's options for `count` requests.
 */
async function step(target, rate) {
  const run = async (seconds, capture) => {
    const count = Math.round(rate * seconds);
    const options = await target.prepare(count);
    return openLoop({
      origin: target.origin,
      rate,
      seconds,
      connections: CONNECTIONS,
      next: requestsFor({ ...options, count }),
      onBody: capture,
    });
  };
  if (WARMUP_SECONDS > 0) await run(WARMUP_SECONDS, target.capture);
  const loadBefore = load1();
  const serverBefore = treeCpuMs(target.pid);
  const ownBefore = process.cpuUsage();
  const raw = await run(SECONDS, WARMUP_SECONDS > 0 ? undefined : target.capture);
  const own = process.cpuUsage(ownBefore);
  const serverMs = treeCpuMs(target.pid) - serverBefore;
  const figures = summarize(raw, SECONDS);
  const result = {
    rate,
    ...figures,
    kinds: byKind(raw.records),
    serverCores: serverMs / raw.elapsedMs,
    generatorCores: (own.user + own.system) / 1000 / raw.elapsedMs,
    load: `${loadBefore.toFixed(1)} / ${load1().toFixed(1)}`,
  };
  console.log(
    `  ${target.label} ${rate} req/s: answered ${formatRate(result.answeredRate)}/s, p50 ${ms(result.p50)} / p99 ${ms(result.p99)} / p99.9 ${ms(result.p999)} ms, errors ${result.errorCount} ${JSON.stringify(result.errors)}, 409 ${result.conflicts}, server ${result.serverCores.toFixed(2)} cores, generator ${result.generatorCores.toFixed(2)} cores, lag ${ms(result.maxLagMs)} ms, load ${result.load}`,
  );
  console.log(
    `    by kind, p50 / p99 ms: ${Object.entries(result.kinds)
      .map(([k, v]) => `${k} ${ms(v.p50)} / ${ms(v.p99)}`)
      .join(', ')}`,
  );
  // What the server still holds (an overloaded rate leaves a queue) is done before the next rate.
  await untilTreeIdle(target.pid, 120_000);
  return result;
}

/** Waits until `pid` and its children (cluster workers) use under a tenth of a core over a second. */
async function untilTreeIdle(pid, timeoutMs = 600_000) {
  const started = Date.now();
  for (;;) {
    const before = treeCpuMs(pid);
    await new Promise((r) => setTimeout(r, 1000));
    if (treeCpuMs(pid) - before < 100 || Date.now() - started > timeoutMs) return;
  }
}

/** Every rate, then BISECT rates between the last with p99 <= 100 ms and the first over it. */
async function steps(target) {
  const results = [];
  for (const rate of RATES) results.push(await step(target, rate));
  for (let b = 0; b < BISECT; b++) {
    const sorted = [...results].sort((x, y) => x.rate - y.rate);
    const firstOver = sorted.findIndex((r) => r.p99 > TARGET.limitP99);
    if (firstOver <= 0) break;
    const mid = Math.round((sorted[firstOver - 1].rate + sorted[firstOver].rate) / 2);
    if (mid === sorted[firstOver - 1].rate || mid === sorted[firstOver].rate) break;
    results.push(await step(target, mid));
  }
  results.sort((x, y) => x.rate - y.rate);
  const within = results.filter((r) => r.p99 <= TARGET.limitP99);
  return { results, highest: within.length ? Math.max(...within.map((r) => r.rate)) : 0 };
}

async function startServer(clinic, workers) {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const child = await startChild('mesodesk server', [SERVER], {
    env: {
      ...clinic.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      MESODESK_WORKERS: String(workers),
      MESODESK_ADMIN_EMAIL: '',
      MESODESK_ADMIN_PASSWORD: '',
    },
    ready: () => answers(`${origin}/api/health`),
    timeoutMs: 600_000,
  });
  return { child, origin };
}

/** A server of `clinic` with `workers` processes, its people signed in, through every rate. */
async function measureServer(engine, clinic, sample, workers, captured) {
  const label = `${engine}${engine === 'postgres' ? `, ${workers} process${workers > 1 ? 'es' : ''}` : ''}`;
  console.log(`\n--- ${label}`);
  if (clinic.env.MESODESK_DATA_DIR) await whenFree(clinic.env.MESODESK_DATA_DIR);
  const { child, origin } = await startServer(clinic, workers);
  try {
    await untilTreeIdle(child.pid);
    const { password, logins } = clinic.meta;
    const users = {
      practitioner: await signInStaff(origin, sample, 'practitioner', STAFF.practitioner, password),
      reception: await signInStaff(origin, sample, 'reception', STAFF.reception, password),
      patient: await signInPortalPatients(origin, sample, STAFF.patient, { admin: logins.admin, password }),
    };
    const prepare = async () => ({ sample, users, today });
    // The peer's answers: the first of each kind the real server gave (2xx), kept from the warm-ups.
    const capture = (kind, status, body) => {
      if (!captured[kind] && status >= 200 && status < 300) captured[kind] = { status, body };
    };
    const run = await steps({ label, origin, pid: child.pid, prepare, capture });
    return { engine, workers, label, ...run };
  } catch (error) {
    console.error(`${label} failed; the server's last output:\n${child.output().slice(-4000)}`);
    throw error;
  } finally {
    await child.stop();
  }
}

async function measurePeer(captured) {
  console.log('\n--- peer');
  const scratch = mkdtempSync(join(os.tmpdir(), 'mesodesk-bench-chain-'));
  const file = join(scratch, 'answers.json');
  writeFileSync(file, JSON.stringify(captured));
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const child = await startChild('chain peer', [PEER, String(port), file], {
    ready: () => answers(`${origin}/health`),
  });
  try {
    const users = { practitioner: [{}], reception: [{}], patient: [{}] };
    const sample = {
      patients: [{ id: 'p' }],
      quiet: [{ id: 'p' }],
      names: ['n'],
      chartedSessions: ['s'],
      locations: [{ id: 'l' }],
      workplaces: [{ practitionerId: 'x', locationId: 'l', roomId: 'r' }],
      activeCourses: ['c'],
    };
    const prepare = async () => ({ sample, users, today, peer: true });
    const run = await steps({ label: 'peer', origin, pid: child.pid, prepare });
    return { engine: 'peer', workers: 1, label: 'peer: bare Fastify, kept answers', ...run };
  } finally {
    await child.stop();
    rmSync(scratch, { recursive: true, force: true });
  }
}

async function runEngine(engine, captured) {
  const patients = engine === 'postgres' ? POSTGRES_PATIENTS : PATIENTS;
  console.log(`\n=== ${engine}: ${formatRate(patients)} patients, ${PER_LOCATION} practitioners per location`);
  const clinic =
    engine === 'sqlite'
      ? await sqliteClinic(patients, CACHE_DIR, { practitionersPerLocation: PER_LOCATION })
      : await postgresClinic(patients, ADMIN_URL, { practitionersPerLocation: PER_LOCATION });
  try {
    if (clinic.env.MESODESK_DATA_DIR) await whenFree(clinic.env.MESODESK_DATA_DIR);
    const sample = await sampleClinic(clinic.env);
    console.log(
      `sampled ${sample.patients.length} patients (${sample.quiet.length} with no session to come), ${sample.chartedSessions.length} charted sessions, ${sample.locations.length} locations`,
    );
    const runs = [];
    for (const workers of engine === 'postgres' ? WORKERS : [1])
      runs.push(await measureServer(engine, clinic, sample, workers, captured));
    const counts = {
      patients,
      locations: sample.locations.length,
      practitioners: sample.staff.filter((s) => s.role === 'practitioner').length,
      reception: sample.staff.filter((s) => s.role === 'reception').length,
    };
    return { engine, clinic, counts, runs };
  } finally {
    if (clinic.drop) await clinic.drop();
  }
}

const loadBefore = os.loadavg();
const captured = {};
const engines = [];
for (const engine of ENGINES) engines.push(await runEngine(engine, captured));
const peer = await measurePeer(captured);
const loadAfter = os.loadavg();
// Kept beside the section, so that the section can be read against every figure measured.
writeFileSync(
  join(os.tmpdir(), 'mesodesk-chain-load.json'),
  JSON.stringify({ engines: engines.map(({ clinic, ...e }) => ({ ...e, meta: clinic.meta })), peer }),
);
const missed = writeChainSection({
  engines,
  peer,
  perLocation: PER_LOCATION,
  settings: { SECONDS, WARMUP_SECONDS, BISECT, CONNECTIONS, STAFF, RATES },
  target: TARGET,
  loadBefore,
  loadAfter,
});
console.log(
  `\ntarget (${TARGET.rate} req/s, p99 <= ${TARGET.p99} ms, no errors): ${missed.length ? `MISSED (${missed.join(', ')})` : 'met'}; written to bench/RESULTS.md (chain-load)`,
);
process.exitCode = missed.length ? 1 : 0;
