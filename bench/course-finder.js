// Course finder speed: the earliest 10-session course in a busy clinic. Target: median <= 20 ms per
// findCourse call. Clinic (generated from a fixed seed): 20 practitioners, one room each (20 rooms;
// each practitioner may also use the next practitioner's room, and some bookings borrow it), Europe/London
// (so the year crosses both DST changes), a year of bookings at about 20 per practitioner per working day.
// The schedule is indexed once with prepareSchedule() and reused, as a server would keep it.
// Run: npm run bench (or node bench/course-finder.js after a build).
import { findCourse } from '../dist/core/scheduling/find-course.js';
import { prepareSchedule } from '../dist/core/scheduling/prepare-schedule.js';
import { machine, recordSection } from './lib/results.js';

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 240);
const TARGET_MEDIAN_MS = 20;
const PRACTITIONERS = 20;
const DAYS = 400;
const FIRST_DAY = Date.UTC(2026, 0, 5); // a Monday

function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = mulberry32(20261123);
const pick = (list) => list[Math.floor(rand() * list.length)];
const int = (lo, hi) => lo + Math.floor(rand() * (hi - lo + 1));
const isoDate = (ms) => new Date(ms).toISOString().slice(0, 10);
const pad = (n) => String(n).padStart(2, '0');
const wall = (min) => `${pad(Math.floor(min / 60))}:${pad(min % 60)}`;

// --- the clinic -------------------------------------------------------------------------------
const TZ = 'Europe/London';
const rooms = Array.from({ length: PRACTITIONERS }, (_, i) => ({ id: `room-${i + 1}` }));
const weekdaySpans = [
  { start: '09:00', end: '13:00' },
  { start: '14:00', end: '19:00' },
];
const practitioners = Array.from({ length: PRACTITIONERS }, (_, i) => {
  const weeklyHours = { 1: weekdaySpans, 2: weekdaySpans, 3: weekdaySpans, 4: weekdaySpans, 5: weekdaySpans };
  if (i % 2 === 0) weeklyHours[6] = [{ start: '10:00', end: '15:00' }];
  if (i % 4 === 1) weeklyHours[3] = [{ start: '09:00', end: '13:00' }];
  const holidays = [0, 1].map(() => {
    const start = FIRST_DAY + int(20, DAYS - 30) * 86_400_000;
    return { kind: 'days', from: isoDate(start), to: isoDate(start + 6 * 86_400_000), reason: 'holiday' };
  });
  return {
    practitionerId: `p${i + 1}`,
    name: `Practitioner ${i + 1}`,
    weeklyHours,
    exceptions: holidays,
    roomIds: [rooms[i].id, rooms[(i + 1) % PRACTITIONERS].id],
  };
});
const closures = [
  '2026-04-03',
  '2026-04-06',
  '2026-05-04',
  '2026-05-25',
  '2026-08-31',
  '2026-12-25',
  '2026-12-28',
  '2027-01-01',
].map((d) => ({ kind: 'days', from: d, to: d, reason: 'bank holiday' }));
const location = { id: 'london', timeZone: TZ, rooms, closures };

// --- a year of bookings: about 20 a working day per practitioner, mostly in their own room -----------
const offsetMs = (dayMs) => {
  // Only used to place generated bookings; the code under test derives offsets with Temporal.
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: TZ, timeZoneName: 'shortOffset' }).formatToParts(
    new Date(dayMs + 12 * 3_600_000),
  );
  const name = parts.find((p) => p.type === 'timeZoneName').value; // "GMT" or "GMT+1"
  return name === 'GMT' ? 0 : Number(name.slice(3)) * 3_600_000;
};
const bookings = [];
const roomBusy = new Map(rooms.map((r) => [r.id, []]));
for (let d = 0; d < DAYS; d++) {
  const dayMs = FIRST_DAY + d * 86_400_000;
  const weekday = ((new Date(dayMs).getUTCDay() + 6) % 7) + 1;
  const offset = offsetMs(dayMs);
  for (let i = 0; i < PRACTITIONERS; i++) {
    const spans = practitioners[i].weeklyHours[weekday];
    if (!spans) continue;
    const minutes = spans.map((s) => [
      Number(s.start.slice(0, 2)) * 60 + Number(s.start.slice(3)),
      Number(s.end.slice(0, 2)) * 60 + Number(s.end.slice(3)),
    ]);
    const open = minutes.reduce((t, [a, b]) => t + b - a, 0);
    const count = Math.round((int(19, 23) * open) / 540);
    const lengths = Array.from({ length: count }, () => pick([10, 15, 20, 25]));
    const free = Math.max(0, open - lengths.reduce((a, b) => a + b, 0));
    const weights = Array.from({ length: count + 1 }, () => -Math.log(1 - rand()));
    const wsum = weights.reduce((a, b) => a + b, 0);
    let cursor = minutes[0][0];
    let span = 0;
    for (let k = 0; k < count; k++) {
      cursor += Math.floor((free * weights[k]) / wsum / 5) * 5;
      while (span < minutes.length && cursor + lengths[k] > minutes[span][1]) {
        span += 1;
        if (span < minutes.length) cursor = Math.max(cursor, minutes[span][0]);
      }
      if (span >= minutes.length) break;
      const start = dayMs + cursor * 60_000 - offset;
      const end = start + lengths[k] * 60_000;
      let room = rooms[i].id;
      const neighbour = rooms[(i + 1) % PRACTITIONERS].id;
      // About 5% borrow the next room when it is free, so rooms and practitioners do not coincide.
      if (rand() < 0.05 && !roomBusy.get(neighbour).some(([s, e]) => s < end && start < e)) room = neighbour;
      roomBusy.get(room).push([start, end]);
      bookings.push({
        id: `b${bookings.length + 1}`,
        practitionerId: practitioners[i].practitionerId,
        roomId: room,
        start: new Date(start).toISOString(),
        end: new Date(end).toISOString(),
      });
      cursor += lengths[k];
    }
  }
}
const input = { location, practitioners, bookings };

// --- requests -----------------------------------------------------------------------------------
const range = (min, max) => ({ min, max });
const plans = [
  { sessions: range(4, 10), intervalDays: range(7, 14) }, // hair
  { sessions: range(4, 10), intervalDays: range(7, 28) }, // face-like, widened to allow 10
  { sessions: range(8, 12), intervalDays: range(7, 10), laterIntervalDays: range(14, 30), switchAfter: 4 }, // generic
];
const requests = Array.from({ length: REQUESTS }, () => {
  const base = pick(plans);
  const { switchAfter, ...shape } = base;
  const plan = {
    ...shape,
    durationMinutes: range(20, pick([30, 40, 45])),
    anaesthesia: { creamOffered: rand() < 0.4, leadMinutes: range(20, 30) },
  };
  const nowMs = FIRST_DAY + int(0, 150) * 86_400_000 + int(6, 18) * 3_600_000 + int(0, 59) * 60_000;
  const preferences = {};
  if (rand() < 0.4) preferences.practitionerId = pick(practitioners).practitionerId;
  if (rand() < 0.4) preferences.weekdays = [1, 2, 3, 4, 5, 6].filter(() => rand() < 0.6);
  if (rand() < 0.3) {
    const start = int(9, 15) * 60;
    preferences.timesOfDay = [{ start: wall(start), end: wall(start + int(2, 4) * 60) }];
  }
  return {
    schedule: undefined,
    plan,
    sessions: 10,
    ...(switchAfter ? { switchAfter } : {}),
    now: new Date(nowMs).toISOString(),
    ...(rand() < 0.3 ? { earliestStart: isoDate(nowMs + int(1, 60) * 86_400_000) } : {}),
    preferences,
  };
});

// --- independent check of every course found: intervals, bookings, rooms ---------------------------
const byKey = new Map();
for (const b of bookings) {
  for (const key of [`p:${b.practitionerId}`, `r:${b.roomId}`]) {
    if (!byKey.has(key)) byKey.set(key, []);
    byKey.get(key).push([Date.parse(b.start), Date.parse(b.end)]);
  }
}
const dayNo = (iso) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;
function verify(request, course) {
  const later = request.plan.laterIntervalDays;
  course.sessions.forEach((s, i) => {
    const a = Date.parse(s.start);
    const b = Date.parse(s.end);
    for (const key of [`p:${s.practitionerId}`, `r:${s.roomId}`]) {
      if ((byKey.get(key) ?? []).some(([x, y]) => x < b && a < y))
        throw new Error(`session ${s.number} overlaps a booking of ${key}`);
    }
    if (i === 0) return;
    const gap = dayNo(s.localDate) - dayNo(course.sessions[i - 1].localDate);
    const r =
      later && request.switchAfter !== undefined && i + 1 > request.switchAfter ? later : request.plan.intervalDays;
    if (gap < r.min || gap > r.max) throw new Error(`interval ${gap} days outside ${r.min}-${r.max}`);
  });
}

// --- measure ------------------------------------------------------------------------------------
const workingDays = new Set(bookings.map((b) => `${b.practitionerId}|${b.start.slice(0, 10)}`)).size;
console.log(
  `course finder: ${PRACTITIONERS} practitioners, ${rooms.length} rooms (one per practitioner), ${TZ}, ${bookings.length} bookings over ${DAYS} days (${(bookings.length / workingDays).toFixed(1)} per practitioner per working day), ${REQUESTS} requests for 10-session courses`,
);

let t0 = performance.now();
const prepared = prepareSchedule(input);
const prepareMs = performance.now() - t0;
console.log(`prepareSchedule (once): ${prepareMs.toFixed(1)} ms`);

t0 = performance.now();
findCourse({ ...requests[0], schedule: prepared });
const firstCallMs = performance.now() - t0;
console.log(`first findCourse on the fresh index (fills per-day caches): ${firstCallMs.toFixed(1)} ms`);

// Without a prepared index every call parses and sorts all the bookings itself.
const coldTimes = requests.slice(0, 5).map((r) => {
  const start = performance.now();
  findCourse({ ...r, schedule: input });
  return performance.now() - start;
});
const coldMedian = [...coldTimes].sort((a, b) => a - b)[2];
console.log(
  `findCourse with the raw schedule (index built inside each call), median of 5: ${coldMedian.toFixed(1)} ms`,
);

for (const r of requests) findCourse({ ...r, schedule: prepared }); // warm-up: JIT and the index's per-day memo
const times = [];
const byStatus = { found: [], not_found: [] };
let foundCount = 0;
let alternativeCount = 0;
for (const r of requests) {
  const start = performance.now();
  const result = findCourse({ ...r, schedule: prepared });
  const elapsed = performance.now() - start;
  times.push(elapsed);
  byStatus[result.status].push(elapsed);
  if (result.status === 'found') {
    foundCount += 1;
    verify(r, result.course);
  } else if (result.alternatives.length > 0) {
    alternativeCount += 1;
    for (const a of result.alternatives) verify(r, a.course);
  }
}
const quantileOf = (list, q) => {
  const sorted = [...list].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] : NaN;
};
times.sort((a, b) => a - b);
const quantile = (q) => quantileOf(times, q);
const median = quantile(0.5);
const p95 = quantile(0.95);
const max = times[times.length - 1];
const notFound = REQUESTS - foundCount;
console.log(`findCourse: median ${median.toFixed(2)} ms, p95 ${p95.toFixed(2)} ms, max ${max.toFixed(2)} ms`);
const foundMedian = quantileOf(byStatus.found, 0.5);
const notFoundMedian = quantileOf(byStatus.not_found, 0.5);
console.log(
  `median when a course was found: ${foundMedian.toFixed(2)} ms; when not (explanation and alternatives computed): ${notFoundMedian.toFixed(2)} ms`,
);
console.log(
  `results: ${foundCount} found (first choice), ${notFound} not found (${alternativeCount} of them with alternatives); every course checked against the raw bookings and intervals`,
);
const pass = median <= TARGET_MEDIAN_MS;
console.log(`target median <= ${TARGET_MEDIAN_MS} ms: ${pass ? 'MET' : 'MISSED'}`);

recordSection(
  'course-finder',
  `## Course finder (issue: scheduling)

${new Date().toISOString().slice(0, 10)} - ${machine()}

Clinic generated from a fixed seed: ${PRACTITIONERS} practitioners, ${rooms.length} rooms (one per practitioner; each may also use the next one's room, and about 5% of bookings borrow it), ${TZ} (both DST changes inside the year), ${bookings.length.toLocaleString('en-US')} existing bookings over ${DAYS} days (${(bookings.length / workingDays).toFixed(1)} per practitioner per working day), holidays and closures. ${REQUESTS} different requests for a 10-session course (hair, face-like and generic plans, with and without cream, preferred practitioner / weekdays / times of day, deferrals).

| measure | time |
|---|---|
| \`prepareSchedule\` (index built once, reused by every call) | ${prepareMs.toFixed(1)} ms |
| first \`findCourse\` on the fresh index (fills its per-day memo) | ${firstCallMs.toFixed(1)} ms |
| \`findCourse\` given the raw schedule (index built inside the call; median of 5) | ${coldMedian.toFixed(1)} ms |
| \`findCourse\` median | ${median.toFixed(2)} ms |
| \`findCourse\` p95 | ${p95.toFixed(2)} ms |
| \`findCourse\` max | ${max.toFixed(2)} ms |
| median when a first-choice course was found / when not (explanation and alternatives computed) | ${foundMedian.toFixed(2)} ms / ${notFoundMedian.toFixed(2)} ms |

${foundCount} requests found a first-choice course; ${notFound} did not (${alternativeCount} of those with alternatives); every course returned was checked against the raw bookings and interval windows.

Target: median <= ${TARGET_MEDIAN_MS} ms per \`findCourse\` call (prepared index). Measured: ${median.toFixed(2)} ms - **${pass ? 'met' : 'missed'}**.`,
);
if (!pass) process.exitCode = 1;
