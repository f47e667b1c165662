// The calendar's week view in headless Chromium (Debian's, through playwright-core): signs in through
// the web app, opens the calendar's day view of the week's Monday at the location, then times the
// switch to the week view, from the click on "Week" to the first moment every session of the week is
// in the grid and laid out. Times are the page's own clock (performance.now()), so no round trip to
// the browser's controller is counted.
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const CALENDAR_API = '/api/calendar';

/**
 * In the page: resolves, once `.rbc-event` elements number `events`, the grid has `slots` day
 * columns (week view: days x columns) and a calendar request that started at or after `since` has
 * completed, to the time (performance.now()) after that frame was rendered. The check runs in each
 * animation frame; the time is taken in the first task after it, by when the browser has styled,
 * laid out and painted that frame. `since` keeps an earlier screen (the day view, whose data the
 * page briefly shows in the week's grid before the week's data is asked for) from counting.
 */
function untilShownInPage({ events, slots, since, api, timeoutMs }) {
  return new Promise((resolve, reject) => {
    const deadline = performance.now() + timeoutMs;
    const check = () => {
      // No api: a page that asks for no data (the render peer).
      const fetched =
        !api ||
        performance
          .getEntriesByType('resource')
          .some((e) => e.name.includes(api) && e.startTime >= since && e.responseEnd > 0);
      const shown = document.querySelectorAll('.rbc-event').length;
      const columns = document.querySelectorAll('.rbc-day-slot').length;
      if (fetched && shown === events && columns === slots) {
        setTimeout(() => resolve(performance.now()), 0);
        return;
      }
      if (performance.now() > deadline) {
        reject(new Error(`after ${timeoutMs} ms: ${shown} of ${events} sessions, ${columns} of ${slots} columns`));
        return;
      }
      requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  });
}

/** The calendar request (resource timing) that started at or after `since`: its duration in the browser. */
function calendarFetchInPage({ since, api }) {
  const entry = performance.getEntriesByType('resource').find((e) => e.name.includes(api) && e.startTime >= since);
  return entry
    ? {
        ms: entry.responseEnd - entry.startTime,
        startedAfter: entry.startTime - since,
        endedAfter: entry.responseEnd - since,
      }
    : null;
}

async function signIn(page, origin, email, password) {
  await page.goto(`${origin}/sign-in`);
  await page.getByLabel(/^Email/).fill(email);
  await page.getByLabel(/^Password/).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
}

/** Clicks the view switch ("day" or "week") inside the page and returns the click's time there. */
function clickView(page, view) {
  return page.evaluate((value) => {
    const input = document.querySelector(`input[type="radio"][value="${value}"]`);
    if (!input) throw new Error(`no "${value}" view switch on the page`);
    performance.clearResourceTimings();
    const started = performance.now();
    input.click();
    return started;
  }, view);
}

function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--headless', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
}

/** A page as a clinic's browser has it (en-GB: weeks start on Monday; the location's zone), and its errors. */
async function weekPage(browser, week) {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 800 },
    locale: 'en-GB',
    timezoneId: week.timeZone,
  });
  const page = await context.newPage();
  const failures = [];
  page.on('pageerror', (error) => failures.push(error.message));
  return { context, page, failures };
}

/**
 * `week`: { monday, from, to, locationId, timeZone } as the data benchmark measured it; `events`:
 * how many of its sessions the week's grid shows (cancelled and no-show ones are hidden by default);
 * `columns`: the practitioner columns of the day view (those listed, plus any only a session names);
 * `weekColumns`: those the week shows (a page of them, or all with `query` cols=all); `query`: more
 * of the calendar's address (the week's page of columns). Returns the click-to-shown times, the
 * browser's time for the data request within them, and, for information, times of opening the
 * week's address directly (the app started from scratch).
 */
export async function measureWeekRender({
  origin,
  email,
  password,
  week,
  events,
  columns,
  weekColumns = columns,
  query: more = '',
  runs,
  opens,
}) {
  const browser = await launchBrowser();
  const timeoutMs = 60_000;
  const slots = weekColumns * 7;
  const query = `date=${week.monday}&location=${encodeURIComponent(week.locationId)}${more ? `&${more}` : ''}`;
  try {
    const { context, page, failures } = await weekPage(browser, week);
    await signIn(page, origin, email, password);

    const dayView = async () => {
      const answered = page.waitForResponse((r) => r.url().includes(CALENDAR_API));
      await clickView(page, 'day');
      await answered;
      await page.waitForFunction((n) => document.querySelectorAll('.rbc-day-slot').length === n, columns, {
        timeout: timeoutMs,
      });
      // Let the day view settle (its paint, idle work) before the next measured click.
      await page.waitForTimeout(200);
    };
    const switchToWeek = async () => {
      const answered = page.waitForResponse((r) => r.url().includes(CALENDAR_API));
      const since = await clickView(page, 'week');
      const shown = await page.evaluate(untilShownInPage, { events, slots, since, api: CALENDAR_API, timeoutMs });
      const fetch = await page.evaluate(calendarFetchInPage, { since, api: CALENDAR_API });
      return { ms: shown - since, fetch, response: await answered };
    };

    await page.goto(`${origin}/calendar?${query}`);
    await page.waitForFunction((n) => document.querySelectorAll('.rbc-day-slot').length === n, columns, {
      timeout: timeoutMs,
    });
    // Warm-up: the first switch, also checking the page asks for the very week measured.
    const first = await switchToWeek();
    const asked = new URL(first.response.url()).searchParams;
    if (Date.parse(asked.get('from')) !== Date.parse(week.from) || Date.parse(asked.get('to')) !== Date.parse(week.to))
      throw new Error(`the page asked for ${asked.get('from')} - ${asked.get('to')}, not ${week.from} - ${week.to}`);
    const switches = [];
    for (let i = 0; i < runs; i++) {
      await dayView();
      const { ms, fetch } = await switchToWeek();
      // Before the request: the click's own render; after the response: the week's render.
      switches.push({
        ms,
        fetchMs: fetch?.ms ?? NaN,
        beforeMs: fetch?.startedAfter ?? NaN,
        afterMs: fetch ? ms - fetch.endedAfter : NaN,
      });
    }
    // To see what was measured (the grid is far wider than the window: 7 days x every column).
    await page.screenshot({ path: join(tmpdir(), 'mesodesk-calendar-week.png') });

    // For information: the week's address opened in a new tab (signed in, the browser's cache warm).
    const opened = [];
    for (let i = 0; i <= opens; i++) {
      const tab = await context.newPage();
      await tab.goto(`${origin}/calendar?view=week&${query}`, { waitUntil: 'commit' });
      const shown = await tab.evaluate(untilShownInPage, { events, slots, since: 0, api: CALENDAR_API, timeoutMs });
      if (i > 0) opened.push(shown);
      await tab.close();
    }
    if (failures.length) throw new Error(`the page failed: ${failures.join('; ')}`);
    return { switches, opened };
  } finally {
    await browser.close();
  }
}

/**
 * The render peer (bench/lib/calendar-peer/, served at `origin` with the week's captured answer): the
 * same browser settings, the day view of the week's Monday (`columns` columns), then the click on
 * "week" timed until `events` sessions are in `weekColumns` x 7 day columns, exactly as for the app;
 * one warm-up switch, then `runs` measured. No data is asked for: the page holds the week from its
 * start. `query`: cols=all for every column in the week, as the app's address.
 */
export async function measurePeerRender({ origin, week, events, columns, weekColumns = columns, query = '', runs }) {
  const browser = await launchBrowser();
  const timeoutMs = 60_000;
  const slots = weekColumns * 7;
  try {
    const { page, failures } = await weekPage(browser, week);
    await page.goto(`${origin}/?date=${week.monday}${query ? `&${query}` : ''}`);
    await page.waitForFunction((n) => document.querySelectorAll('.rbc-day-slot').length === n, columns, {
      timeout: timeoutMs,
    });
    const dayView = async () => {
      await clickView(page, 'day');
      await page.waitForFunction((n) => document.querySelectorAll('.rbc-day-slot').length === n, columns, {
        timeout: timeoutMs,
      });
      await page.waitForTimeout(200);
    };
    const switchToWeek = async () => {
      const since = await clickView(page, 'week');
      const shown = await page.evaluate(untilShownInPage, { events, slots, since, api: null, timeoutMs });
      return shown - since;
    };
    await dayView();
    await switchToWeek();
    const switches = [];
    for (let i = 0; i < runs; i++) {
      await dayView();
      switches.push(await switchToWeek());
    }
    if (failures.length) throw new Error(`the peer page failed: ${failures.join('; ')}`);
    return switches;
  } finally {
    await browser.close();
  }
}
