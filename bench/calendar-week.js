// The calendar's week view (issue 19) of a 20-practitioner location in a large generated clinic.
// Targets: its data (GET /api/calendar for the week as it opens: its first page of practitioners) in
// <= 100 ms p95 server time, and the week view rendered in <= 500 ms p95 in headless Chromium.
// - Data: the real server (dist/server/main.js) in a child process, signed in as a practitioner,
//   asked sequentially (warm-up, then BENCH_RUNS measured requests) for the week's first page of
//   practitioners, as the week view asks for it, then for the whole week (all practitioners). Server time is
//   Fastify's own `responseTime` from its request log (LOG_LEVEL=info), from the request's arrival to
//   its response handed to the socket; the time the benchmark saw over localhost is given beside it.
// - Peer: a bare Fastify (bench/lib/json-peer-server.js) answering the same JSON, captured from the
//   real answer, from memory, measured the same way in the same run.
// - Render: Debian's Chromium signs in through the web app (web/dist, served by the same server),
//   opens the calendar's day view on the week's Monday, and times the click on "Week" until every
//   session the week shows is in the grid (bench/lib/calendar-page.js): the week as it opens (its
//   first page of practitioners, five) and the whole week of every practitioner at once (cols=all).
// - Render peer: react-big-calendar alone on a static page built for the run (bench/lib/calendar-peer/)
//   with the same events, resources and grid props from the captured answer, timed the same two ways.
// The location is "Practice 1", which `mesodesk seed-large --practitioners-per-location 20` gives 20
// practitioners, each with a room, once the clinic has at least 30,000 patients (one practitioner
// per 1,500). The week is the most booked of four: the one holding the generation day, and the three
// after it, Monday to Monday in the location's time zone.
//
// Run: npm run bench (BENCH_ONLY=calendar), or after `npm run build && npm run build:web`:
//   node bench/calendar-week.js [--patients N]
// BENCH_PATIENTS or --patients (1000000), BENCH_ENGINES (sqlite,postgres), BENCH_RUNS (100 measured
// requests, after 10 warm-up), BENCH_RENDER_RUNS (10 measured switches each way, after one warm-up),
// BENCH_CACHE_DIR (where the SQLite clinic is kept; bench/.data), BENCH_POSTGRES_URL (a database to
// connect to for creating the benchmark's own; default TEST_POSTGRES_URL or postgres://127.0.0.1:5432/test).
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { measureAppRenders, measurePeerRenders, stats } from './lib/calendar-render.js';
import { answers, freePort, startChild, untilIdle } from './lib/child-process.js';
import { whenFree } from './lib/data-dir.js';
import { postgresClinic, sqliteClinic } from './lib/large-clinic.js';
import { requestLog } from './lib/request-log.js';
import { formatRate, machine, recordSection } from './lib/results.js';
import { addDays, localDate, mondayOf, weekWindow } from './lib/zoned-week.js';
import { cacheDirOption, enginesOption, patientsOption, signIn } from './lib/bench-options.js';

const PATIENTS = patientsOption();
const ENGINES = enginesOption();
const RUNS = Number(process.env.BENCH_RUNS ?? 100);
const WARMUP = 10;
const RENDER_RUNS = Number(process.env.BENCH_RENDER_RUNS ?? 10);
const OPENS = 5;
/** The week view's page of practitioner columns (web/src/clinic-calendar/calendar-events.ts). */
const COLUMNS_PER_PAGE = 5;
const PER_LOCATION = 20;
const TARGET_DATA_MS = 100;
const TARGET_RENDER_MS = 500;
const ADMIN_URL = process.env.BENCH_POSTGRES_URL || process.env.TEST_POSTGRES_URL || 'postgres://127.0.0.1:5432/test';
const CACHE_DIR = cacheDirOption();
const SERVER = fileURLToPath(new URL('../dist/server/main.js', import.meta.url));
const PEER = fileURLToPath(new URL('./lib/json-peer-server.js', import.meta.url));
const WEB_INDEX = fileURLToPath(new URL('../web/dist/index.html', import.meta.url));
const API = '/api/calendar';

const RBC_VERSION = JSON.parse(
  readFileSync(new URL('../node_modules/react-big-calendar/package.json', import.meta.url), 'utf8'),
).version;
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

/** The week as the week view opens it: its first page of the location's practitioners only. */
function firstPagePath(chosen) {
  const ids = JSON.parse(chosen.body)
    .practitioners.slice(0, COLUMNS_PER_PAGE)
    .map((p) => p.id);
  return `${weekPath(chosen.week)}&practitionerIds=${ids.join(',')}`;
}

/** The JSON peer answering `body` (captured from the real answer), timed on `path` as the server was. */
async function timePeer(scratch, name, body, path) {
  const file = join(scratch, name);
  writeFileSync(file, body);
  const peer = await startLogged('JSON peer', (port) => [PEER, String(port), file, API], {}, '/health');
  try {
    return await timeRequests(peer.origin, path, {}, peer.log);
  } finally {
    await peer.child.stop();
  }
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
    let dataAll;
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
      chosen.pagePath = firstPagePath(chosen);
      chosen.pageBody = await getText(real.origin, chosen.pagePath, cookie);
      data = await timeRequests(real.origin, chosen.pagePath, { cookie }, real.log);
      dataAll = await timeRequests(real.origin, path, { cookie }, real.log);
      for (const [name, d] of [
        ['first page', data],
        ['whole week', dataAll],
      ])
        console.log(
          `data, ${name}: server p50 ${ms(d.server.p50)} / p95 ${ms(d.server.p95)} / p99 ${ms(d.server.p99)} ms; client p95 ${ms(d.client.p95)} ms; ${kib(d.bytes)} KiB`,
        );
      render = await measureAppRenders({
        origin: real.origin,
        email: logins.practitioner,
        password,
        week: chosen.week,
        body: chosen.body,
        runs: RENDER_RUNS,
        opens: OPENS,
      });
      for (const [name, r] of [
        [`first ${render.pageColumns} of ${render.columns} columns`, render.paged],
        [`all ${render.columns} columns`, render.all],
      ])
        console.log(
          `render, ${name}: switch to week p50 ${ms(r.switch.p50)} / p95 ${ms(r.switch.p95)} ms (p50: ${ms(r.before.p50)} ms before the data request, ${ms(r.fetch.p50)} ms the request, ${ms(r.after.p50)} ms after it); opening the address p50 ${ms(r.open.p50)} ms`,
        );
    } finally {
      await real.child.stop();
    }
    const peerData = await timePeer(scratch, 'page.json', chosen.pageBody, chosen.pagePath);
    const peerAll = await timePeer(scratch, 'week.json', chosen.body, weekPath(chosen.week));
    console.log(
      `peer: server p95 ${ms(peerData.server.p95)} ms (first page), ${ms(peerAll.server.p95)} ms (whole week)`,
    );
    const peerRender = await measurePeerRenders({ scratch, week: chosen.week, body: chosen.body, runs: RENDER_RUNS });
    console.log(
      `render peer: first page p50 ${ms(peerRender.paged.p50)} / p95 ${ms(peerRender.paged.p95)} ms; all columns p50 ${ms(peerRender.all.p50)} / p95 ${ms(peerRender.all.p95)} ms`,
    );
    return { engine, clinic, chosen, data, dataAll, peerData, peerAll, render, peerRender, receptionBytes };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
    if (clinic.drop) await clinic.drop();
  }
}

const ENGINE_NAMES = { sqlite: 'SQLite', postgres: 'PostgreSQL' };

/**
 * Hours the shown sessions book, the hours the location's practitioners work that week, and the
 * shown sessions that overlap another of the same practitioner (a double booking).
 */
function bookedAndWorking(week) {
  const shown = week.sessions.filter((s) => s.status !== 'cancelled' && s.status !== 'no_show');
  const booked = shown.reduce((sum, s) => sum + (s.durationMinutes ?? 0), 0) / 60;
  const working =
    week.practitioners
      .flatMap((p) => p.working)
      .reduce((sum, span) => sum + (Date.parse(span.end) - Date.parse(span.start)), 0) / 3_600_000;
  const overlapping = new Set();
  const byPractitioner = Map.groupBy(
    shown.filter((s) => s.practitionerId),
    (s) => s.practitionerId,
  );
  for (const sessions of byPractitioner.values()) {
    const sorted = sessions
      .map((s) => [Date.parse(s.scheduledAt), Date.parse(s.endsAt), s.id])
      .sort((a, b) => a[0] - b[0]);
    let latest = null;
    for (const session of sorted) {
      if (latest && session[0] < latest[1]) overlapping.add(session[2]).add(latest[2]);
      if (!latest || session[1] > latest[1]) latest = session;
    }
  }
  return { booked, working, overlapping: overlapping.size };
}

function section(run, loadBefore, loadAfter) {
  const { engine, clinic, chosen, data, dataAll, peerData, peerAll, render, peerRender, receptionBytes } = run;
  const week = JSON.parse(chosen.body);
  const hours = bookedAndWorking(week);
  const byStatus = Object.entries(
    week.sessions.reduce((acc, s) => ({ ...acc, [s.status]: (acc[s.status] ?? 0) + 1 }), {}),
  )
    .map(([status, n]) => `${n} ${status}`)
    .join(', ');
  const { paged, all } = render;
  const dataMet = data.server.p95 <= TARGET_DATA_MS;
  const renderMet = paged.switch.p95 <= TARGET_RENDER_MS;
  const allMet = all.switch.p95 <= TARGET_RENDER_MS;
  const row = (name, r) =>
    `| ${name} | ${ms(r.server.p50)} | **${ms(r.server.p95)}** | ${ms(r.server.p99)} | ${ms(r.client.p50)} | ${ms(r.client.p95)} | ${ms(r.client.p99)} |`;
  const line = (name, r, bold) =>
    `| ${name} | ${ms(r.p50)} | ${bold ? `**${ms(r.p95)}**` : ms(r.p95)} | ${ms(r.max)} |`;
  const parts = (r) =>
    [
      line('of which: from the click until the data request is sent (the click asks for the week at once)', r.before),
      line("of which: the data request (browser's resource timing)", r.fetch),
      line('of which: after its answer, until all sessions are shown', r.after),
    ].join('\n');
  const pageLabel = `first page, ${render.pageColumns} of ${render.columns} practitioners (${render.pageEvents} sessions, ${render.pageColumns * 7} day columns)`;
  const allLabel = `all ${render.columns} practitioners at once (${render.events} sessions, ${render.columns * 7} day columns)`;
  return `## Calendar week view on ${ENGINE_NAMES[engine] ?? engine} (issue 19)

${new Date().toISOString().slice(0, 10)} - ${machine()}

**${formatRate(PATIENTS)} patients**, generated ${clinic.meta.now.slice(0, 10)} by \`mesodesk seed-large --practitioners-per-location ${PER_LOCATION}\`${clinic.reused ? ' (reused)' : ''}. The week: ${chosen.location.name} (${week.location.timeZone}), **${week.practitioners.length} practitioners** and ${week.rooms.length} rooms, Monday ${chosen.week.monday} to the next Monday, the most booked of the four weeks from the one holding the generation day (${chosen.weeks.map((w) => `${w.week.monday}: ${w.sessions}`).join(', ')} sessions): **${week.sessions.length} sessions** (${byStatus}), of which the grid shows ${render.events} (cancelled and no-show ones are hidden unless asked for) in ${render.columns} practitioner columns on each of the 7 days. Those ${render.events} book ${Math.round(hours.booked)} hours against the ${Math.round(hours.working)} hours the practitioners work that week (${Math.round((hours.booked / hours.working) * 100)} %); ${hours.overlapping} of them overlap another session of the same practitioner. The generator books each session into free time: its practitioner's, or once that practitioner is booked out for two weeks the first free slot at the location (a colleague's, or later), with one practitioner per 1,500 patients. Until 2026-12-07 it gave one practitioner per 4,000 patients and double-booked whoever was booked out for two weeks: the busiest weeks held more booked hours than worked hours, and the grid laid the overlapping sessions side by side. Load average (1/5/15 min) before / after: ${loadBefore} - ${loadAfter} (the machine is shared). Again, at any size: \`npm run build && npm run build:web && BENCH_ENGINES=${engine} node bench/calendar-week.js --patients N\`.

**Data.** The week view asks for its page of columns only: \`GET /api/calendar?locationId=&from=&to=&practitionerIds=\` with the first ${COLUMNS_PER_PAGE} of the location's practitioners (the server leaves out the other practitioners' sessions; the columns, hours and closures come whole), **the target's request**; beside it the whole week (no \`practitionerIds\`), which the week asks for when all its columns are shown at once. Each signed in as a practitioner, to the real server (\`dist/server/main.js\`, a child process, \`LOG_LEVEL=info\`), one request at a time: ${WARMUP} warm-up, then ${RUNS} measured. Server time is Fastify's \`responseTime\` from the server's request log: from the request's arrival to its response handed to the socket (sign-in check, the query, the working hours, the audit entry, JSON). Client time is what the benchmark saw over localhost (adds the HTTP round trip and reading the body). The first page's answer is ${kib(data.bytes)} KiB; the whole week's ${kib(dataAll.bytes)} KiB for a practitioner, ${kib(receptionBytes)} KiB for reception (the same sessions without the re-screening verdict and the course's indication and area). The peer is a bare Fastify (\`bench/lib/json-peer-server.js\`) answering the same JSON, captured from each real answer, from memory (serialized again for each answer), measured the same way right after.

| answered by | server p50 ms | server p95 ms | server p99 ms | client p50 ms | client p95 ms | client p99 ms |
|---|---|---|---|---|---|---|
${row(`mesodesk, **the week as it opens**: first ${COLUMNS_PER_PAGE} practitioners`, data)}
${row('bare Fastify, same JSON from memory', peerData)}
${row('mesodesk, the whole week (all practitioners)', dataAll)}
${row('bare Fastify, same JSON from memory', peerAll)}

**Render.** The week view shows a location's practitioners ${render.pageColumns} at a time: it opens on the first ${render.pageColumns}, with buttons for the previous and next ones and a "Show all at once" box (\`cols=all\` in the address) for all ${render.columns}; the day view shows them all. **The render target is read against the week as it opens**; the whole week of all ${render.columns} at once is timed the same way beside it. Debian's Chromium, headless (playwright-core), 1280 x 800, en-GB, in the location's time zone, signed in as the practitioner through the web app (\`web/dist\`, served by the same server). On the calendar's day view of that Monday (all ${render.columns} practitioners), a click on "Week" is timed until every shown session (\`.rbc-event\` boxes) is in the week's day columns, with the week's data request completed: the page's own clock (\`performance.now()\`), from just before the click to the first task after the animation frame in which the count was reached (by then that frame is styled, laid out and painted). One warm-up switch, then ${RENDER_RUNS} measured each way, each from the day view again. The parts are split at the browser's resource timing of that \`/api/calendar\` request (its start and its end). The app asks for the week (the first page's practitioners only, or all of them when all are shown) in the click's own handler, so the request runs while the day's grid makes way. For information, the week's address opened in a new tab (signed in, cached app), timed from navigation start the same way, ${OPENS} times after one warm-up.

The render peer does strictly less: react-big-calendar ${RBC_VERSION} alone (the app's version) on a static page built for the run with Vite (\`bench/lib/calendar-peer/\`), holding the captured answer from its start (no data request), with the props the app derives from it (events, resources, localizer, hours, 15-minute steps, layout algorithm, the same page of columns), react-big-calendar's own event boxes and stylesheet (plus the one box-sizing rule the app's stylesheet also sets), no slot boxes (as the app), and no app shell, drag and drop, session component, shading or prop getters. It is timed the same way (a click on "week" from its day view until every session is in the grid), ${RENDER_RUNS} times each way after one warm-up, in the same run after the app.

| measure | p50 ms | p95 ms | max ms |
|---|---|---|---|
${line(`**the week as it opens**: ${pageLabel}: click on "Week" until all shown`, paged.switch, true)}
${parts(paged)}
${line(`the whole week: ${allLabel}: click on "Week" until all shown`, all.switch, true)}
${parts(all)}
${line(`render peer, react-big-calendar alone: ${pageLabel}`, peerRender.paged, true)}
${line(`render peer, react-big-calendar alone: ${allLabel}`, peerRender.all, true)}
${line("opening the week's address until all sessions shown, first page (information)", paged.open)}
${line("opening the week's address until all sessions shown, all at once (information)", all.open)}

Targets at ${formatRate(PATIENTS)} patients: data of the week as it opens, p95 server time <= ${TARGET_DATA_MS} ms - **${dataMet ? 'met' : 'missed'}** (the whole week: p95 ${ms(dataAll.server.p95)} ms); the week view as it opens (${render.pageColumns} of ${render.columns} practitioners) rendered p95 <= ${TARGET_RENDER_MS} ms - **${renderMet ? 'met' : 'missed'}**. The whole week of all ${render.columns} practitioners at once: p95 ${ms(all.switch.p95)} ms, **${allMet ? 'within' : 'over'}** ${TARGET_RENDER_MS} ms (react-big-calendar alone: p95 ${ms(peerRender.all.p95)} ms).${week.practitioners.length < PER_LOCATION ? ` Only ${week.practitioners.length} practitioners at this size (one per 1,500 patients): the targets are for ${PER_LOCATION}.` : ''}`;
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
  if (run.render.paged.switch.p95 > TARGET_RENDER_MS) missed += 1;
}
console.log(
  `\ntargets (data p95 <= ${TARGET_DATA_MS} ms, week as it opens p95 <= ${TARGET_RENDER_MS} ms): ${missed ? `MISSED (${missed})` : 'met'}; written to bench/RESULTS.md (${runs.map((r) => `calendar-week-${r.engine}`).join(', ')})`,
);
process.exitCode = missed ? 1 : 0;
