// The calendar's week view (issue 19) of a 20-practitioner location in a large generated clinic.
// Targets: its data (GET /api/calendar for the week) in <= 100 ms p95 server time, and the week view
// rendered in <= 500 ms p95 in headless Chromium.
// - Data: the real server (dist/server/main.js) in a child process, signed in as a practitioner,
//   asked for the week sequentially (warm-up, then BENCH_RUNS measured requests). Server time is
//   Fastify's own `responseTime` from its request log (LOG_LEVEL=info), from the request's arrival to
//   its response handed to the socket; the time the benchmark saw over localhost is given beside it.
// - Peer: a bare Fastify (bench/lib/json-peer-server.js) answering the same JSON, captured from the
//   real answer, from memory, measured the same way in the same run.
// - Render: Debian's Chromium signs in through the web app (web/dist, served by the same server),
//   opens the calendar's day view on the week's Monday, and times the click on "Week" until every
//   session of the week is in the grid (bench/lib/calendar-page.js).
// The location is "Practice 1", which `mesodesk seed-large --practitioners-per-location 20` gives 20
// practitioners, each with a room, once the clinic has at least 80,000 patients (one practitioner
// per 4,000). The week is the most booked of four: the one holding the generation day, and the three
// after it, Monday to Monday in the location's time zone.
//
// Run: npm run bench (BENCH_ONLY=calendar), or after `npm run build && npm run build:web`:
//   node bench/calendar-week.js [--patients N]
// BENCH_PATIENTS or --patients (1000000), BENCH_ENGINES (sqlite,postgres), BENCH_RUNS (100 measured
// requests, after 10 warm-up), BENCH_RENDER_RUNS (10 measured switches, after one warm-up),
// BENCH_CACHE_DIR (where the SQLite clinic is kept; bench/.data), BENCH_POSTGRES_URL (a database to
// connect to for creating the benchmark's own; default TEST_POSTGRES_URL or postgres://127.0.0.1:5432/test).
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { measureWeekRender } from './lib/calendar-page.js';
import { answers, freePort, startChild, untilIdle } from './lib/child-process.js';
import { whenFree } from './lib/data-dir.js';
import { postgresClinic, sqliteClinic } from './lib/large-clinic.js';
import { requestLog } from './lib/request-log.js';
import { formatRate, machine, recordSection } from './lib/results.js';
import { addDays, localDate, mondayOf, weekWindow } from './lib/zoned-week.js';
import { enginesOption, patientsOption, signIn } from './lib/bench-options.js';

const PATIENTS = patientsOption();
const ENGINES = enginesOption();
const RUNS = Number(process.env.BENCH_RUNS ?? 100);
const WARMUP = 10;
const RENDER_RUNS = Number(process.env.BENCH_RENDER_RUNS ?? 10);
const OPENS = 5;
const PER_LOCATION = 20;
const TARGET_DATA_MS = 100;
const TARGET_RENDER_MS = 500;
const ADMIN_URL = process.env.BENCH_POSTGRES_URL || process.env.TEST_POSTGRES_URL || 'postgres://127.0.0.1:5432/test';
const CACHE_DIR = process.env.BENCH_CACHE_DIR || fileURLToPath(new URL('./.data/', import.meta.url));
const SERVER = fileURLToPath(new URL('../dist/server/main.js', import.meta.url));
const PEER = fileURLToPath(new URL('./lib/json-peer-server.js', import.meta.url));
const WEB_INDEX = fileURLToPath(new URL('../web/dist/index.html', import.meta.url));
const API = '/api/calendar';

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
function stats(list) {
  const sorted = [...list].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99), max: sorted.at(-1) };
}
const ms = (n) => (Number.isFinite(n) ? n.toFixed(1) : '?');
const kib = (bytes) => (bytes / 1024).toFixed(1);
const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' / ');

async function getText(origin, path, cookie) {
  const response = await fetch(`${origin}${path}`, { headers: cookie ? { cookie } : {} });
  const text = await response.text();
  if (!response.ok) throw new Error(`${path}: ${response.status} ${text}`);
  return text;
}

const weekPath = (week) =>
  `${API}?locationId=${encodeURIComponent(week.locationId)}&from=${encodeURIComponent(week.from)}&to=${encodeURIComponent(week.to)}`;

/** "Practice 1" and the most booked of the four weeks from the one holding the generation day. */
async function chooseWeek(origin, cookie, meta) {
  const overview = JSON.parse(await getText(origin, API, cookie));
  const location = overview.locations.find((l) => l.name === 'Practice 1') ?? overview.locations[0];
  const { timeZone } = JSON.parse(await getText(origin, `${API}?locationId=${location.id}`, cookie)).location;
  const monday = mondayOf(localDate(new Date(meta.now), timeZone));
  const weeks = [];
  for (const days of [0, 7, 14, 21]) {
    const week = { ...weekWindow(addDays(monday, days), timeZone), locationId: location.id, timeZone };
    const body = await getText(origin, weekPath(week), cookie);
    weeks.push({ week, body, sessions: JSON.parse(body).sessions.length });
  }
  const busiest = weeks.reduce((a, b) => (b.sessions > a.sessions ? b : a));
  return { location, weeks, ...busiest };
}

/** `path` asked for sequentially: WARMUP requests, then RUNS timed by the client and, from its log, the server. */
async function timeRequests(origin, path, headers, log) {
  const once = async () => {
    const response = await fetch(`${origin}${path}`, { headers });
    const bytes = (await response.arrayBuffer()).byteLength;
    if (!response.ok) throw new Error(`${path}: ${response.status}`);
    return bytes;
  };
  for (let i = 0; i < WARMUP; i++) await once();
  const mark = log.mark();
  const client = [];
  let bytes = 0;
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    bytes = await once();
    client.push(performance.now() - started);
  }
  // Requests are sequential and none follows: the last RUNS logged are the measured ones.
  const server = await log.last(mark, API, RUNS);
  return { client: stats(client), server: stats(server), bytes };
}

/** A server in a child process (`args(port)`), its request log read as it writes it. */
async function startLogged(name, args, env, health) {
  const log = requestLog();
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const child = await startChild(name, args(port), {
    env: { ...env, PORT: String(port) },
    ready: () => answers(`${origin}${health}`),
    timeoutMs: 600_000,
    onOutput: log.feed,
  });
  return { child, origin, log };
}

async function runEngine(engine) {
  console.log(
    `\n--- ${engine}: preparing ${formatRate(PATIENTS)} patients, ${PER_LOCATION} practitioners per location`,
  );
  const clinic =
    engine === 'sqlite'
      ? await sqliteClinic(PATIENTS, CACHE_DIR, { practitionersPerLocation: PER_LOCATION })
      : await postgresClinic(PATIENTS, ADMIN_URL, { practitionersPerLocation: PER_LOCATION });
  console.log(`${clinic.reused ? 'reusing' : 'generated'} the clinic of ${clinic.meta.now}`);
  const scratch = mkdtempSync(join(os.tmpdir(), 'mesodesk-bench-calendar-'));
  try {
    if (clinic.env.MESODESK_DATA_DIR) await whenFree(clinic.env.MESODESK_DATA_DIR);
    const env = {
      ...clinic.env,
      HOST: '127.0.0.1',
      // Info: Fastify's request log, whose `responseTime` is the server time measured.
      LOG_LEVEL: 'info',
      MESODESK_ADMIN_EMAIL: '',
      MESODESK_ADMIN_PASSWORD: '',
    };
    const real = await startLogged('mesodesk server', () => [SERVER], env, '/api/health');
    let chosen;
    let data;
    let render;
    let receptionBytes;
    try {
      const idleAfter = await untilIdle(real.child.pid);
      console.log(`server idle ${(idleAfter / 1000).toFixed(1)} s after it answered`);
      const { logins, password } = clinic.meta;
      const cookie = await signIn(real.origin, logins.practitioner, password);
      chosen = await chooseWeek(real.origin, cookie, clinic.meta);
      const path = weekPath(chosen.week);
      const reception = await signIn(real.origin, logins.reception, password);
      receptionBytes = Buffer.byteLength(await getText(real.origin, path, reception));
      console.log(
        `${chosen.location.name}, weeks of ${chosen.weeks.map((w) => `${w.week.monday}: ${w.sessions}`).join(', ')} sessions; measuring ${chosen.week.monday}`,
      );
      data = await timeRequests(real.origin, path, { cookie }, real.log);
      console.log(
        `data: server p50 ${ms(data.server.p50)} / p95 ${ms(data.server.p95)} / p99 ${ms(data.server.p99)} ms; client p95 ${ms(data.client.p95)} ms; ${kib(data.bytes)} KiB`,
      );
      const week = JSON.parse(chosen.body);
      const events = week.sessions.filter((s) => s.status !== 'cancelled' && s.status !== 'no_show').length;
      const columns = new Set([
        ...week.practitioners.map((p) => p.id),
        ...week.sessions.map((s) => s.practitionerId ?? ''),
      ]).size;
      render = await measureWeekRender({
        origin: real.origin,
        email: logins.practitioner,
        password,
        week: chosen.week,
        events,
        columns,
        runs: RENDER_RUNS,
        opens: OPENS,
      });
      render = { ...render, events, columns, switch: stats(render.switches.map((s) => s.ms)) };
      render.fetch = stats(render.switches.map((s) => s.fetchMs));
      render.before = stats(render.switches.map((s) => s.beforeMs));
      render.after = stats(render.switches.map((s) => s.afterMs));
      render.open = stats(render.opened);
      console.log(
        `render: switch to week p50 ${ms(render.switch.p50)} / p95 ${ms(render.switch.p95)} ms (p50: ${ms(render.before.p50)} ms before the data request, ${ms(render.fetch.p50)} ms the request, ${ms(render.after.p50)} ms after it); opening the address p50 ${ms(render.open.p50)} ms`,
      );
    } finally {
      await real.child.stop();
    }
    const file = join(scratch, 'week.json');
    writeFileSync(file, chosen.body);
    const peer = await startLogged('JSON peer', (port) => [PEER, String(port), file, API], {}, '/health');
    let peerData;
    try {
      peerData = await timeRequests(peer.origin, weekPath(chosen.week), {}, peer.log);
    } finally {
      await peer.child.stop();
    }
    console.log(`peer: server p50 ${ms(peerData.server.p50)} / p95 ${ms(peerData.server.p95)} ms`);
    return { engine, clinic, chosen, data, peerData, render, receptionBytes };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
    if (clinic.drop) await clinic.drop();
  }
}

const ENGINE_NAMES = { sqlite: 'SQLite', postgres: 'PostgreSQL' };

/** Hours the shown sessions book, and the hours the location's practitioners work that week. */
function bookedAndWorking(week) {
  const shown = week.sessions.filter((s) => s.status !== 'cancelled' && s.status !== 'no_show');
  const booked = shown.reduce((sum, s) => sum + (s.durationMinutes ?? 0), 0) / 60;
  const working =
    week.practitioners
      .flatMap((p) => p.working)
      .reduce((sum, span) => sum + (Date.parse(span.end) - Date.parse(span.start)), 0) / 3_600_000;
  return { booked, working };
}

function section(run, loadBefore, loadAfter) {
  const { engine, clinic, chosen, data, peerData, render, receptionBytes } = run;
  const week = JSON.parse(chosen.body);
  const hours = bookedAndWorking(week);
  const byStatus = Object.entries(
    week.sessions.reduce((acc, s) => ({ ...acc, [s.status]: (acc[s.status] ?? 0) + 1 }), {}),
  )
    .map(([status, n]) => `${n} ${status}`)
    .join(', ');
  const dataMet = data.server.p95 <= TARGET_DATA_MS;
  const renderMet = render.switch.p95 <= TARGET_RENDER_MS;
  const row = (name, r) =>
    `| ${name} | ${ms(r.server.p50)} | **${ms(r.server.p95)}** | ${ms(r.server.p99)} | ${ms(r.client.p50)} | ${ms(r.client.p95)} | ${ms(r.client.p99)} |`;
  return `## Calendar week view on ${ENGINE_NAMES[engine] ?? engine} (issue 19)

${new Date().toISOString().slice(0, 10)} - ${machine()}

**${formatRate(PATIENTS)} patients**, generated ${clinic.meta.now.slice(0, 10)} by \`mesodesk seed-large --practitioners-per-location ${PER_LOCATION}\`${clinic.reused ? ' (reused)' : ''}. The week: ${chosen.location.name} (${week.location.timeZone}), **${week.practitioners.length} practitioners** and ${week.rooms.length} rooms, Monday ${chosen.week.monday} to the next Monday, the most booked of the four weeks from the one holding the generation day (${chosen.weeks.map((w) => `${w.week.monday}: ${w.sessions}`).join(', ')} sessions): **${week.sessions.length} sessions** (${byStatus}), of which the grid shows ${render.events} (cancelled and no-show ones are hidden unless asked for) in ${render.columns} practitioner columns on each of the 7 days. Those ${render.events} book ${Math.round(hours.booked)} hours against the ${Math.round(hours.working)} hours the practitioners work that week (${Math.round((hours.booked / hours.working) * 100)} %): the generated diaries overlap, so the grid lays sessions side by side. Load average (1/5/15 min) before / after: ${loadBefore} - ${loadAfter} (the machine is shared). Again, at any size: \`npm run build && npm run build:web && BENCH_ENGINES=${engine} node bench/calendar-week.js --patients N\`.

**Data.** \`GET /api/calendar?locationId=&from=&to=\` for that week, signed in as a practitioner, to the real server (\`dist/server/main.js\`, a child process, \`LOG_LEVEL=info\`), one request at a time: ${WARMUP} warm-up, then ${RUNS} measured. Server time is Fastify's \`responseTime\` from the server's request log: from the request's arrival to its response handed to the socket (sign-in check, the query, the working hours, the audit entry, JSON). Client time is what the benchmark saw over localhost (adds the HTTP round trip and reading the body). The answer is ${kib(data.bytes)} KiB for a practitioner, ${kib(receptionBytes)} KiB for reception (the same sessions without the re-screening verdict and the course's indication and area). The peer is a bare Fastify (\`bench/lib/json-peer-server.js\`) answering the same JSON, captured from the real answer, from memory (serialized again for each answer), measured the same way right after.

| answered by | server p50 ms | server p95 ms | server p99 ms | client p50 ms | client p95 ms | client p99 ms |
|---|---|---|---|---|---|---|
${row('mesodesk', data)}
${row('bare Fastify, same JSON from memory', peerData)}

**Render.** Debian's Chromium, headless (playwright-core), 1280 x 800, en-GB, in the location's time zone, signed in as the practitioner through the web app (\`web/dist\`, served by the same server). On the calendar's day view of that Monday, a click on "Week" is timed until every shown session (${render.events} \`.rbc-event\` boxes) is in the ${render.columns * 7} day columns of the week, with the week's data request completed: the page's own clock (\`performance.now()\`), from just before the click to the first task after the animation frame in which the count was reached (by then that frame is styled, laid out and painted). One warm-up switch, then ${RENDER_RUNS} measured, each from the day view again. The parts are split at the browser's resource timing of that \`/api/calendar\` request (its start and its end). For information, the week's address opened in a new tab (signed in, cached app), timed from navigation start the same way, ${OPENS} times after one warm-up.

| measure | p50 ms | p95 ms | max ms |
|---|---|---|---|
| click on "Week" until all sessions shown | ${ms(render.switch.p50)} | **${ms(render.switch.p95)}** | ${ms(render.switch.max)} |
| of which: before the data request is sent (the click's render, with the day's data still shown) | ${ms(render.before.p50)} | ${ms(render.before.p95)} | ${ms(render.before.max)} |
| of which: the data request (browser's resource timing) | ${ms(render.fetch.p50)} | ${ms(render.fetch.p95)} | ${ms(render.fetch.max)} |
| of which: after its answer, until all sessions are shown | ${ms(render.after.p50)} | ${ms(render.after.p95)} | ${ms(render.after.max)} |
| opening the week's address until all sessions shown (information) | ${ms(render.open.p50)} | ${ms(render.open.p95)} | ${ms(render.open.max)} |

Targets at ${formatRate(PATIENTS)} patients: data p95 server time <= ${TARGET_DATA_MS} ms - **${dataMet ? 'met' : 'missed'}**; week view rendered p95 <= ${TARGET_RENDER_MS} ms - **${renderMet ? 'met' : 'missed'}**.${week.practitioners.length < PER_LOCATION ? ` Only ${week.practitioners.length} practitioners at this size (one per 4,000 patients): the targets are for ${PER_LOCATION}.` : ''}`;
}

if (!existsSync(WEB_INDEX)) throw new Error(`no built web app at ${WEB_INDEX}: run npm run build:web first`);
const loadBefore = load();
const runs = [];
for (const engine of ENGINES) runs.push(await runEngine(engine));
const loadAfter = load();
let missed = 0;
for (const run of runs) {
  recordSection(`calendar-week-${run.engine}`, section(run, loadBefore, loadAfter));
  if (run.data.server.p95 > TARGET_DATA_MS) missed += 1;
  if (run.render.switch.p95 > TARGET_RENDER_MS) missed += 1;
}
console.log(
  `\ntargets (data p95 <= ${TARGET_DATA_MS} ms, render p95 <= ${TARGET_RENDER_MS} ms): ${missed ? `MISSED (${missed})` : 'met'}; written to bench/RESULTS.md (${runs.map((r) => `calendar-week-${r.engine}`).join(', ')})`,
);
process.exitCode = missed ? 1 : 0;
