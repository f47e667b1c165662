// The calendar benchmark's render measurements (bench/calendar-week.js): the app's week view as it
// opens (a page of practitioners) and with every practitioner at once, and the render peer, react-big-
// calendar alone on a static page (bench/lib/calendar-peer/), the same two ways, in the same run.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { buildCalendarPeer, serveStatic } from './calendar-peer.js';
import { measurePeerRender, measureWeekRender } from './calendar-page.js';

/** Columns the app's week shows at once: columnsPerPage in web/src/clinic-calendar/calendar-events.ts. */
export const COLUMNS_PER_PAGE = 5;

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
export function stats(list) {
  const sorted = [...list].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99), max: sorted.at(-1) };
}

const hidden = (s) => s.status === 'cancelled' || s.status === 'no_show';

/**
 * The week's practitioner columns in the app's order (calendarResources): those the answer lists,
 * then any only a session names, then "not assigned" (''), and the sessions the grid shows in them.
 */
export function weekColumns(week) {
  const ids = week.practitioners.map((p) => p.id);
  const known = new Set(ids);
  const extra = [];
  for (const s of week.sessions) {
    const id = s.practitionerId ?? '';
    if (known.has(id)) continue;
    known.add(id);
    extra.push(id);
  }
  const columns = [...ids, ...extra.filter((id) => id !== ''), ...extra.filter((id) => id === '')];
  const page = new Set(columns.slice(0, COLUMNS_PER_PAGE));
  const shown = week.sessions.filter((s) => !hidden(s));
  return {
    columns: columns.length,
    events: shown.length,
    pageColumns: page.size,
    pageEvents: shown.filter((s) => page.has(s.practitionerId ?? '')).length,
  };
}

const summary = (result) => ({
  ...result,
  switch: stats(result.switches.map((s) => s.ms)),
  fetch: stats(result.switches.map((s) => s.fetchMs)),
  before: stats(result.switches.map((s) => s.beforeMs)),
  after: stats(result.switches.map((s) => s.afterMs)),
  open: stats(result.opened),
});

/** The app's week view, as it opens (the first page of columns) and with all columns (cols=all). */
export async function measureAppRenders({ origin, email, password, week, body, runs, opens }) {
  const counts = weekColumns(JSON.parse(body));
  const common = { origin, email, password, week, columns: counts.columns, runs, opens };
  const paged = await measureWeekRender({
    ...common,
    events: counts.pageEvents,
    weekColumns: counts.pageColumns,
  });
  const all = await measureWeekRender({
    ...common,
    events: counts.events,
    weekColumns: counts.columns,
    query: 'cols=all',
  });
  return { ...counts, paged: summary(paged), all: summary(all) };
}

/** The peer page built into `scratch` and served with the week's answer, timed both ways. */
export async function measurePeerRenders({ scratch, week, body, runs }) {
  const counts = weekColumns(JSON.parse(body));
  const dir = join(scratch, 'calendar-peer');
  mkdirSync(dir, { recursive: true });
  await buildCalendarPeer(dir, body);
  const server = await serveStatic(dir);
  try {
    const common = { origin: server.origin, week, columns: counts.columns, runs };
    const paged = await measurePeerRender({ ...common, events: counts.pageEvents, weekColumns: counts.pageColumns });
    const all = await measurePeerRender({
      ...common,
      events: counts.events,
      weekColumns: counts.columns,
      query: 'cols=all',
    });
    return { paged: stats(paged), all: stats(all) };
  } finally {
    await server.close();
  }
}
