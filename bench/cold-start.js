// Cold start to the first 200: `node dist/server/main.js` is spawned and GET /api/health polled until it
// answers 200, timed from the spawn. Cases: the first start on an empty data folder (migrations and the demo
// clinic), a restart on that folder, a restart on the large clinic's folder (when bench/.data holds one), and
// `npm start` (bin/start.js, which checks that the build is current first) when dist/ and web/dist/ are up to
// date. Peer: a bare Fastify hello-world (bench/lib/hello-world-server.js) spawned the same way, to its first
// 200 on GET /. Target: median <= 3 s for every case.
//
// Run: npm run bench (or node bench/cold-start.js after a build). Env: BENCH_COLD_RUNS (5 per case),
// BENCH_COLD_BEFORE_DIST (an earlier build's dist/, with knowledge/ and web/ beside it: its first start and
// restart are measured too, for a before/after comparison; not judged against the target).
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDatabase } from '../dist/storage/create-database.js';
import { databaseConfigFromEnv } from '../dist/storage/database-config.js';
import { migrateToLatest } from '../dist/storage/migrate.js';
import { loadKnowledgeBase } from '../dist/knowledge-files/load-knowledge-base.js';
import { serverBuildStale, webBuildStale } from '../bin/build-staleness.js';
import { freePort } from './lib/child-process.js';
import { whenFree } from './lib/data-dir.js';
import { machine, recordSection } from './lib/results.js';
import { cacheDirOption } from './lib/bench-options.js';

const RUNS = Math.max(1, Number(process.env.BENCH_COLD_RUNS ?? 5));
/** An earlier build's dist/ (with knowledge/ and web/ beside it), measured too for a before/after comparison. */
const BEFORE_DIST = process.env.BENCH_COLD_BEFORE_DIST;
const TARGET_MS = 3000;
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CACHE_DIR = cacheDirOption();
const SERVER = join(ROOT, 'dist/server/main.js');
const START = join(ROOT, 'bin/start.js');
const HELLO = fileURLToPath(new URL('./lib/hello-world-server.js', import.meta.url));
/** Polling interval: fine enough not to blur a start of a few hundred milliseconds. */
const POLL_MS = 5;
const GIVE_UP_MS = 120_000;

const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' / ');
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function answers200(url) {
  try {
    const response = await fetch(url);
    await response.arrayBuffer();
    return response.status === 200;
  } catch {
    return false;
  }
}

/** Spawns `node args(port)`, polls `path` until 200; returns the milliseconds from spawn to that answer, then stops the process. */
async function timeToFirst200(argsFor, path, env = {}) {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}${path}`;
  const args = argsFor(port);
  const started = performance.now();
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: {
      ...process.env,
      MESODESK_ADMIN_EMAIL: '',
      MESODESK_ADMIN_PASSWORD: '',
      ...env,
      PORT: String(port),
      HOST: '127.0.0.1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk) => {
    output = (output + chunk.toString()).slice(-16_384);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  let exited;
  const gone = new Promise((resolve) => child.once('exit', (code, signal) => resolve((exited = { code, signal }))));
  try {
    for (;;) {
      if (exited)
        throw new Error(`${args.join(' ')} exited (${exited.code ?? exited.signal}) before answering:\n${output}`);
      if (await answers200(url)) return performance.now() - started;
      if (performance.now() - started > GIVE_UP_MS)
        throw new Error(`${args.join(' ')} did not answer 200 within ${GIVE_UP_MS / 1000} s:\n${output}`);
      await sleep(POLL_MS);
    }
  } finally {
    if (!exited) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await gone;
      clearTimeout(timer);
    }
  }
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** The case's runs in turn (each a fresh process), with a label and whether it met the target. */
async function measureCase(label, runOnce) {
  const times = [];
  for (let i = 0; i < RUNS; i++) times.push(await runOnce(i));
  const result = { label, times, median: median(times), min: Math.min(...times), max: Math.max(...times) };
  console.log(`${label}: median ${result.median.toFixed(0)} ms (${times.map((t) => t.toFixed(0)).join(', ')})`);
  return result;
}

/** Why `npm start` would build before starting, or null when dist/ and web/dist/ are current. */
function staleBuild() {
  if (serverBuildStale(ROOT)) return 'dist/ is older than src/';
  if (webBuildStale(ROOT)) return 'web/dist/ is older than web/src/';
  return null;
}

/** The largest generated SQLite clinic in bench/.data, if any. */
function largeClinic() {
  if (!existsSync(CACHE_DIR)) return undefined;
  const found = readdirSync(CACHE_DIR)
    .map((name) => /^sqlite-(\d+)$/.exec(name))
    .filter((m) => m && existsSync(join(CACHE_DIR, m[0], 'clinic.json')))
    .map((m) => ({ dir: join(CACHE_DIR, m[0]), patients: Number(m[1]) }))
    .sort((a, b) => b.patients - a.patients);
  return found[0];
}

/**
 * Brings a clinic's folder to this build's schema (so the restarts time a restart, not a migration of millions
 * of rows), then counts its upcoming planned sessions not screened with the knowledge base this build loads.
 */
async function prepareLargeClinic(dataDir) {
  const version = loadKnowledgeBase().version;
  const db = createDatabase(databaseConfigFromEnv({ MESODESK_DATA_DIR: dataDir }));
  try {
    await migrateToLatest(db);
    const row = await db
      .selectFrom('treatment_sessions')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('status', '=', 'planned')
      .where('scheduled_at', '>', new Date().toISOString())
      .where((eb) => eb.or([eb('screened_kb_version', 'is', null), eb('screened_kb_version', '<>', version)]))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  } finally {
    await db.destroy();
  }
}

const serverEnv = (dataDir) => ({ MESODESK_DATA_DIR: dataDir, LOG_LEVEL: 'warn', DATABASE_URL: '' });
const server = (dataDir) => timeToFirst200(() => [SERVER], '/api/health', serverEnv(dataDir));
const loadBefore = load();
const cases = [];
const notes = [];
const scratch = mkdtempSync(join(os.tmpdir(), 'mesodesk-cold-start-'));
try {
  const hello = await measureCase('peer: bare Fastify hello-world (`GET /`)', () =>
    timeToFirst200((port) => [HELLO, String(port)], '/'),
  );
  // Each first start gets its own empty folder; the restarts reuse the first one's.
  const folders = Array.from({ length: RUNS }, (_, i) => join(scratch, `demo-${i}`));
  cases.push(
    await measureCase('first start, empty data folder (migrate + seed the demo clinic)', (i) => server(folders[i])),
  );
  cases.push(await measureCase('restart on the demo data folder', () => server(folders[0])));
  const before = [];
  if (BEFORE_DIST) {
    const earlier = join(BEFORE_DIST, 'server/main.js');
    const beforeFolders = folders.map((f) => `${f}-before`);
    before.push(
      await measureCase('before the fix (earlier build): first start, empty data folder', (i) =>
        timeToFirst200(() => [earlier], '/api/health', serverEnv(beforeFolders[i])),
      ),
    );
    before.push(
      await measureCase('before the fix (earlier build): restart on the demo data folder', () =>
        timeToFirst200(() => [earlier], '/api/health', serverEnv(beforeFolders[0])),
      ),
    );
  }
  const large = largeClinic();
  if (large) {
    await whenFree(large.dir);
    const outdated = await prepareLargeClinic(large.dir);
    cases.push(
      await measureCase(
        `restart on the large clinic (${large.patients.toLocaleString('en-US')} patients, SQLite)`,
        async () => {
          // Another benchmark may have a server on it: wait, rather than measure a start that fails on the lock.
          await whenFree(large.dir);
          return server(large.dir);
        },
      ),
    );
    notes.push(
      outdated
        ? `The large clinic's folder is brought to this build's schema first (untimed). At the first restart on it, ${outdated.toLocaleString('en-US')} upcoming sessions were not yet screened with this knowledge base: the server re-screens them in the background after it starts listening, so those starts answered during a re-screening (each run is stopped after its first 200; the next one carries on).`
        : "The large clinic's folder is brought to this build's schema first (untimed). Every upcoming session on it was already screened with this knowledge base: no re-screening ran during those starts.",
    );
  } else
    notes.push(
      'No large clinic in bench/.data (run bench/rescreening.js or bench/api-throughput.js first): that case was not measured.',
    );
  const stale = staleBuild();
  if (stale) notes.push(`\`npm start\` (bin/start.js) was not measured: ${stale}, so it would build first.`);
  else
    cases.push(
      await measureCase('`npm start` (bin/start.js: build check, then the server) on the demo data folder', () =>
        timeToFirst200(() => [START], '/api/health', serverEnv(folders[0])),
      ),
    );
  const loadAfter = load();

  const missed = cases.filter((c) => c.median > TARGET_MS).map((c) => c.label);
  const row = (c) =>
    `| ${c.label} | **${c.median.toFixed(0)}** | ${c.min.toFixed(0)} | ${c.max.toFixed(0)} | ${(c.median / hello.median).toFixed(1)}x | ${c.median <= TARGET_MS ? 'met' : '**missed**'} |`;
  const markdown = `## Cold start to the first 200 (issue: clinic server)

${new Date().toISOString().slice(0, 10)} - ${machine()}

Each run spawns a fresh \`node\` process (\`dist/server/main.js\` with \`PORT\`, \`HOST=127.0.0.1\`, \`MESODESK_DATA_DIR\`, \`LOG_LEVEL=warn\`, SQLite) and polls \`GET /api/health\` every ${POLL_MS} ms until it answers 200; the time is from the spawn to that answer. ${RUNS} runs per case, one after another; the process is stopped (SIGTERM) after each. The peer is a bare Fastify hello-world spawned and polled the same way. Load average (1/5/15 min) before / after: ${loadBefore} - ${loadAfter} (the machine is shared).

| case | median ms | min ms | max ms | of hello-world | target |
|---|---|---|---|---|---|
| ${hello.label} | ${hello.median.toFixed(0)} | ${hello.min.toFixed(0)} | ${hello.max.toFixed(0)} | 1.0x | |
${before.map((c) => `${row(c).replace(/\| (met|\*\*missed\*\*) \|$/, '| (before) |')}`).join('\n')}${before.length ? '\n' : ''}${cases.map(row).join('\n')}
${notes.length ? `\n${notes.join(' ')}\n` : ''}
Target: median <= ${TARGET_MS} ms for every case. Result: ${missed.length ? `**missed** (${missed.join('; ')})` : '**met**'}.`;
  console.log(`\n${markdown}`);
  recordSection('cold-start', markdown);
  process.exitCode = missed.length ? 1 : 0;
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
