import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createSampleCourse } from '../../src/test-support/stored-records.js';
import { signInClient } from '../../src/test-support/test-app.js';
import { fixturePatientCourse } from './support/patient-course.js';
import { checkScreen, problems, server, signedInPage, useE2eBrowser } from './support/e2e-browser.js';

/**
 * The calendar (issue 19): a practitioner drags a session to another day in the week view, reads the
 * course re-flow preview (which later sessions move, the interval each keeps) and confirms it; moves
 * another session with the keyboard alone (Tab, Enter, Move…); drags one into another room's column
 * of the room view, and it moves to that room; reception records a no-show and
 * cancels a session from the session's menu, with the reasons stored. axe-core finds no serious
 * violation on the day and week views, practitioner and room columns, and the dialogs. Screenshots go
 * to test-results/e2e/calendar-*.png.
 */

const DAY_MS = 86_400_000;
const dateOf = (iso: string) => iso.slice(0, 10);
const plusDays = (iso: string, days: number) => new Date(Date.parse(iso) + days * DAY_MS).toISOString();
/** The first Monday at least `days` from today (UTC, the fixture location's and the browser's zone). */
function mondayAfter(days: number): string {
  const at = new Date(Date.now() + days * DAY_MS);
  at.setUTCDate(at.getUTCDate() + ((8 - at.getUTCDay()) % 7));
  return at.toISOString().slice(0, 10);
}

let course: { id: string; sessions: { id: string; scheduledAt: string }[] };
let missed: { id: string; scheduledAt: string };
let later: { id: string; scheduledAt: string };
/** A second room at the location, which the practitioner works in too. */
let secondRoom: { id: string; name: string };

useE2eBrowser(async (e2e) => {
  // Paula's course booked by the finder from a Monday: the practitioner works every day, so the
  // sessions fall on consecutive Mondays at opening time.
  const courseId = await fixturePatientCourse(e2e);
  const practitioner = await signInClient(e2e.app, e2e.email('practitioner'), e2e.password);
  const proposal = await practitioner.inject({
    method: 'POST',
    url: `/api/courses/${courseId}/course-proposals`,
    payload: { locationId: e2e.fixture.location.id, earliestStart: mondayAfter(10), sessions: 4 },
  });
  const proposed = proposal.json().course.sessions as { start: string; practitionerId: string; roomId: string }[];
  const booked = await practitioner.inject({
    method: 'POST',
    url: `/api/courses/${courseId}/bookings`,
    payload: {
      locationId: e2e.fixture.location.id,
      sessions: proposed.map(({ start, practitionerId, roomId }) => ({ start, practitionerId, roomId })),
    },
  });
  if (booked.statusCode !== 201) throw new Error(`booking: ${booked.body}`);
  course = { id: courseId, sessions: booked.json().sessions };

  // Otto's sessions for the front desk: one that started an hour ago, one tomorrow.
  const [room] = await e2e.repos.availability.listRooms(e2e.fixture.location.id);
  const other = await createSampleCourse(e2e.repos, e2e.fixture.otherPatient.id);
  const session = (scheduledAt: string) =>
    e2e.repos.treatmentSessions.create({
      courseId: other.id,
      scheduledAt,
      durationMinutes: 30,
      practitionerId: e2e.fixture.users.practitioner.id,
      locationId: e2e.fixture.location.id,
      roomId: room?.id ?? null,
    });
  const hourAgo = new Date(Math.floor((Date.now() - 3_600_000) / 900_000) * 900_000).toISOString();
  missed = await session(hourAgo);
  later = await session(plusDays(hourAgo, 1));

  // In session 2's week: Otto's session flagged by re-screening on the Tuesday, and the clinic
  // closed for training on the Wednesday.
  const tuesday = plusDays(course.sessions[1]!.scheduledAt, 1).replace(/T.*/, 'T10:00:00.000Z');
  await e2e.repos.treatmentSessions.setFlag((await session(tuesday)).id, {
    verdict: 'deferred',
    reasons: [{ code: 'PREGNANCY', message: 'Pregnant' }],
  });
  await e2e.repos.availability.addException({
    locationId: e2e.fixture.location.id,
    practitionerId: null,
    kind: 'days',
    from: dateOf(plusDays(course.sessions[1]!.scheduledAt, 2)),
    to: dateOf(plusDays(course.sessions[1]!.scheduledAt, 2)),
    reason: 'Staff training',
  });

  // A second room, after the booking (Paula's sessions are all in the first): the practitioner works in both.
  secondRoom = await e2e.repos.availability.createRoom({
    locationId: e2e.fixture.location.id,
    name: 'Treatment room 2',
  });
  const allDay = [{ start: '08:00', end: '20:00' }];
  await e2e.repos.availability.setPractitionerHours({
    practitionerId: e2e.fixture.users.practitioner.id,
    locationId: e2e.fixture.location.id,
    weeklyHours: Object.fromEntries([1, 2, 3, 4, 5, 6, 7].map((d) => [d, allDay])),
    roomIds: [room!.id, secondRoom.id],
  });
});

/** A session's box in the grid, by its patient (each box is a button named by its text). */
/**
 * Focuses `target` once a dialog has settled: a modal moves focus to its first element when its
 * opening transition ends, which on a busy machine can come after a plain focus() and take it away.
 */
async function focusSteadily(target: Locator): Promise<void> {
  const focused = () => target.evaluate((el) => el === document.activeElement);
  for (let steady = 0, tries = 0; steady < 2 && tries < 40; tries++) {
    if (!(await focused())) await target.focus();
    await target.page().waitForTimeout(150);
    steady = (await focused()) ? steady + 1 : 0;
  }
  expect(await focused()).toBe(true);
}

const sessionBox = (page: Page, patient: string) => page.locator('.rbc-event').filter({ hasText: patient });

async function openCalendar(page: Page, query: string): Promise<void> {
  await page.goto(`/calendar?${query}`);
  await page.getByRole('heading', { name: 'Calendar', level: 1 }).waitFor();
  await page.locator('.rbc-time-view').waitFor();
}

describe('calendar', () => {
  it('drags a session to another day, shows the course re-flow and confirms it', { timeout: 180_000 }, async () => {
    const [first, second, third, fourth] = course.sessions;
    const page = await signedInPage(server.email('practitioner'));
    await page.getByRole('link', { name: 'Calendar', exact: true }).click();
    await page.getByRole('heading', { name: 'Calendar', level: 1 }).waitFor();
    await openCalendar(page, `view=week&date=${dateOf(second!.scheduledAt)}`);
    const box = sessionBox(page, 'Paula Patient');
    await expect.poll(() => box.count()).toBe(1);
    await box.getByText('Session 2 of 4').waitFor();
    await sessionBox(page, 'Otto Other').getByText('Re-screening flag').waitFor();
    await page.getByTestId('closure').getByText('Staff training', { exact: false }).waitFor();
    expect(await page.locator('.cal-closed').count()).toBeGreaterThan(0);
    await checkScreen(page, 'calendar-01-week');

    // Monday's session 2 dragged to Friday, the same time: 11 days after session 1.
    const from = await box.boundingBox();
    const friday = await page.locator('.rbc-day-slot').nth(4).boundingBox();
    if (!from || !friday) throw new Error('the session or Friday is not on screen');
    const y = from.y + Math.min(8, from.height / 2);
    await page.mouse.move(from.x + from.width / 2, y);
    await page.mouse.down();
    await page.mouse.move(from.x + from.width / 2 + 20, y, { steps: 4 });
    await page.mouse.move(friday.x + friday.width / 2, y, { steps: 12 });
    await page.mouse.up();

    const preview = page.getByRole('dialog', { name: /Move Paula Patient, session 2 of 4/ });
    await preview.getByText('Nothing has changed yet.', { exact: false }).waitFor();
    const rows = preview.getByTestId('reflow-sessions').locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(4);
    expect(await rows.nth(0).getByText('Stays').count()).toBe(1);
    for (const i of [1, 2, 3]) expect(await rows.nth(i).getByText('Moves').count()).toBe(1);
    await rows.nth(1).getByText('7–14 days after session 1', { exact: false }).waitFor();
    await rows.nth(1).getByText('11 days: kept', { exact: false }).waitFor();
    await checkScreen(page, 'calendar-02-reflow-preview');
    // Nothing moved before confirming.
    expect((await server.repos.treatmentSessions.findById(second!.id))?.scheduledAt).toBe(second!.scheduledAt);

    await preview.getByRole('button', { name: 'Confirm move' }).click();
    await page.getByRole('status').getByText('The session was moved. Sessions moved in its course: 3.').waitFor();
    const after = await server.repos.treatmentSessions.listByCourse(course.id);
    expect(after.map((s) => dateOf(s.scheduledAt))).toEqual([
      dateOf(first!.scheduledAt),
      dateOf(plusDays(second!.scheduledAt, 4)),
      ...after.slice(2).map((s) => dateOf(s.scheduledAt)),
    ]);
    expect(Date.parse(after[2]!.scheduledAt)).toBeGreaterThan(Date.parse(third!.scheduledAt));
    expect(Date.parse(after[3]!.scheduledAt)).toBeGreaterThan(Date.parse(fourth!.scheduledAt));
    await sessionBox(page, 'Paula Patient').getByText('Session 2 of 4').waitFor();
    await checkScreen(page, 'calendar-03-moved');

    // The same with the keyboard alone: Tab to session 4, Enter, Move…, a new time, preview, confirm.
    const moved = after[3]!;
    await openCalendar(page, `view=day&date=${dateOf(moved.scheduledAt)}`);
    const target = sessionBox(page, 'Paula Patient');
    await target.waitFor();
    await page.getByRole('checkbox', { name: 'Show cancelled and no-shows' }).focus();
    for (let i = 0; i < 40 && !(await target.evaluate((el) => el === document.activeElement)); i++)
      await page.keyboard.press('Tab');
    expect(await target.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    const menu = page.getByRole('dialog', { name: 'Session: Paula Patient' });
    await menu.getByRole('button', { name: 'Move…' }).waitFor();
    await checkScreen(page, 'calendar-04-session-menu');
    await focusSteadily(menu.getByRole('button', { name: 'Move…' }));
    await page.keyboard.press('Enter');
    const move = page.getByRole('dialog', { name: 'Move the session of Paula Patient' });
    await move.getByLabel(/^New time/).fill('15:00');
    await checkScreen(page, 'calendar-05-move-dialog');
    await focusSteadily(move.getByRole('button', { name: 'Preview move' }));
    await page.keyboard.press('Enter');
    const keyboardPreview = page.getByRole('dialog', { name: /Move Paula Patient, session 4 of 4/ });
    await focusSteadily(keyboardPreview.getByRole('button', { name: 'Confirm move' }));
    await page.keyboard.press('Enter');
    await page.getByRole('status').getByText('Sessions moved in its course: 1.', { exact: false }).waitFor();
    expect((await server.repos.treatmentSessions.findById(moved.id))?.scheduledAt).toBe(
      `${dateOf(moved.scheduledAt)}T15:00:00.000Z`,
    );
  });

  it('shows why a move cannot be made, and moves nothing', { timeout: 120_000 }, async () => {
    const page = await signedInPage(server.email('practitioner'));
    const [first, second] = await server.repos.treatmentSessions.listByCourse(course.id);
    await openCalendar(page, `view=day&date=${dateOf(second!.scheduledAt)}`);
    await sessionBox(page, 'Paula Patient').click();
    await page.getByRole('dialog', { name: 'Session: Paula Patient' }).getByRole('button', { name: 'Move…' }).click();
    const move = page.getByRole('dialog', { name: 'Move the session of Paula Patient' });
    // A month after session 1: past the 7-14 days session 2 must keep after it.
    await move.getByLabel(/^New date/).fill(dateOf(plusDays(first!.scheduledAt, 30)));
    await move.getByRole('button', { name: 'Preview move' }).click();
    const preview = page.getByRole('dialog', { name: /Move Paula Patient, session 2 of 4/ });
    await preview.getByText('This move is not possible, and nothing was changed', { exact: false }).waitFor();
    await preview.getByText(/Session 2 must be between .* to keep the course’s interval\.$/).waitFor();
    expect(await preview.getByRole('button', { name: 'Confirm move' }).isDisabled()).toBe(true);
    await checkScreen(page, 'calendar-06-not-possible');
    expect((await server.repos.treatmentSessions.findById(second!.id))?.scheduledAt).toBe(second!.scheduledAt);
  });

  it(
    'drags a session into another room’s column and moves it to that room, at its time',
    { timeout: 120_000 },
    async () => {
      const page = await signedInPage(server.email('practitioner'));
      const third = (await server.repos.treatmentSessions.listByCourse(course.id))[2]!;
      expect(third.roomId).not.toBe(secondRoom.id);
      await openCalendar(page, `view=day&date=${dateOf(third.scheduledAt)}&by=rooms`);
      const box = sessionBox(page, 'Paula Patient');
      await box.getByText('Session 3 of 4').waitFor();
      const from = await box.boundingBox();
      const column = await page.locator('.rbc-header').filter({ hasText: secondRoom.name }).boundingBox();
      if (!from || !column) throw new Error('the session or the second room’s column is not on screen');
      const y = from.y + Math.min(8, from.height / 2);
      await page.mouse.move(from.x + from.width / 2, y);
      await page.mouse.down();
      await page.mouse.move(from.x + from.width / 2 + 20, y, { steps: 4 });
      await page.mouse.move(column.x + column.width / 2, y, { steps: 12 });
      await page.mouse.up();

      const preview = page.getByRole('dialog', { name: /Move Paula Patient, session 3 of 4/ });
      await preview.getByText(`in ${secondRoom.name}.`, { exact: false }).waitFor();
      const rows = preview.getByTestId('reflow-sessions').locator('tbody tr');
      await expect.poll(() => rows.count()).toBe(4);
      expect(await rows.nth(2).getByText('Moves').count()).toBe(1);
      expect(await rows.nth(2).locator('td').nth(1).textContent()).toContain('Treatment room 1');
      expect(await rows.nth(2).locator('td').nth(2).textContent()).toContain(secondRoom.name);
      for (const i of [0, 1, 3]) expect(await rows.nth(i).getByText('Stays').count()).toBe(1);
      await checkScreen(page, 'calendar-10-room-drop');
      expect((await server.repos.treatmentSessions.findById(third.id))?.roomId).toBe(third.roomId);

      await preview.getByRole('button', { name: 'Confirm move' }).click();
      await page.getByRole('status').getByText('Sessions moved in its course: 1.', { exact: false }).waitFor();
      expect(await server.repos.treatmentSessions.findById(third.id)).toMatchObject({
        roomId: secondRoom.id,
        scheduledAt: third.scheduledAt,
        practitionerId: third.practitionerId,
      });
    },
  );

  it('lets reception record a no-show and cancel a session, with the reasons', { timeout: 120_000 }, async () => {
    const page = await signedInPage(server.email('reception'));
    await openCalendar(page, `date=${dateOf(missed.scheduledAt)}&by=rooms`);
    await checkScreen(page, 'calendar-07-day-rooms');
    await sessionBox(page, 'Otto Other').first().click();
    const menu = page.getByRole('dialog', { name: 'Session: Otto Other' });
    // Reception sees no clinical details and no charting.
    expect(await menu.getByRole('button', { name: 'Chart session' }).count()).toBe(0);
    await menu.getByRole('button', { name: 'Mark as no-show…' }).click();
    const noShow = page.getByRole('dialog', { name: 'Mark the session of Otto Other as a no-show' });
    await noShow.getByLabel(/^Reason/).fill('Did not come; no answer on the phone');
    await checkScreen(page, 'calendar-08-no-show');
    await noShow.getByRole('button', { name: 'Mark as no-show' }).click();
    await page.getByRole('status').getByText('The session of Otto Other was marked as a no-show.').waitFor();
    expect((await server.repos.treatmentSessions.findById(missed.id))?.status).toBe('no_show');
    expect(await server.repos.sessionClosures.findBySession(missed.id)).toMatchObject({
      status: 'no_show',
      reason: 'Did not come; no answer on the phone',
      recordedBy: server.fixture.users.reception.id,
    });

    await openCalendar(page, `date=${dateOf(later.scheduledAt)}`);
    await sessionBox(page, 'Otto Other').first().click();
    await page
      .getByRole('dialog', { name: 'Session: Otto Other' })
      .getByRole('button', { name: 'Cancel session…' })
      .click();
    const cancel = page.getByRole('dialog', { name: 'Cancel the session of Otto Other' });
    await cancel.getByLabel(/^Reason/).fill('Patient is ill, will call back');
    await cancel.getByRole('button', { name: 'Cancel session' }).click();
    await page.getByRole('status').getByText('The session of Otto Other was cancelled.').waitFor();
    expect(await server.repos.sessionClosures.findBySession(later.id)).toMatchObject({
      status: 'cancelled',
      reason: 'Patient is ill, will call back',
    });
    // Cancelled sessions show on request, with the reason in their menu. The calendar reloads its week
    // after the change: wait for that rather than read it at once.
    await expect.poll(() => sessionBox(page, 'Otto Other').count(), { timeout: 15_000 }).toBe(0);
    await page.getByRole('checkbox', { name: 'Show cancelled and no-shows' }).check();
    await sessionBox(page, 'Otto Other').getByText('Cancelled').waitFor();
    await sessionBox(page, 'Otto Other').click();
    await page
      .getByRole('dialog', { name: 'Session: Otto Other' })
      .getByText('Patient is ill, will call back')
      .waitFor();
    await checkScreen(page, 'calendar-09-cancelled');
  });

  it('logged no page errors and no server errors', () => {
    expect(problems).toEqual([]);
  });
});
