import { describe, expect, it } from 'vitest';
import type { SessionStatus } from '../../src/core/records/index.js';
import { createSampleCourse } from '../../src/test-support/stored-records.js';
import { signInClient } from '../../src/test-support/test-app.js';
import type { E2eServer } from './support/e2e-server.js';
import { checkScreen, problems, server, signedInPage, useE2eBrowser } from './support/e2e-browser.js';

/**
 * The dashboard (issue 21): an admin opens it from the menu and sees every panel as a chart, each
 * with a "Show numbers" button that shows the chart's numbers as a table and hides them again; the
 * date range changes the days shown; reception sees the operations and takings but not the clinical
 * panels. No console errors, and axe-core finds no serious violation. Screenshots go to
 * test-results/e2e/dashboard-*.png.
 */

const day = 86_400_000;
/** Noon UTC `days` ago: the same calendar day in the fixture clinic's zone (UTC). */
const daysAgo = (days: number) =>
  new Date(Math.floor(Date.now() / day) * day - days * day + 12 * 3_600_000).toISOString();
const sessions: { daysAgo: number; status: SessionStatus }[] = [
  { daysAgo: 1, status: 'done' },
  { daysAgo: 1, status: 'no_show' },
  { daysAgo: 2, status: 'done' },
  { daysAgo: 3, status: 'cancelled' },
  { daysAgo: 5, status: 'done' },
  { daysAgo: 12, status: 'done' },
  { daysAgo: 20, status: 'no_show' },
];

async function prepareClinic(e2e: E2eServer): Promise<void> {
  const { repos, fixture } = e2e;
  const [room] = await repos.availability.listRooms(fixture.location.id);
  const course = await createSampleCourse(repos, fixture.patient.id);
  let first: string | undefined;
  for (const [i, s] of sessions.entries()) {
    const at = new Date(Date.parse(daysAgo(s.daysAgo)) + i * 3_600_000).toISOString();
    const session = await repos.treatmentSessions.create({
      courseId: course.id,
      scheduledAt: at,
      durationMinutes: 45,
      practitionerId: fixture.users.practitioner.id,
      locationId: fixture.location.id,
      roomId: room?.id ?? null,
    });
    first ??= session.id;
    await repos.treatmentSessions.update(session.id, { status: s.status });
  }
  await repos.courses.setStatus((await createSampleCourse(repos, fixture.otherPatient.id)).id, 'completed');
  await repos.sideEffects.createReport({
    sessionId: first!,
    reporterUserId: null,
    symptom: 'a firm, tender lump',
    ongoing: true,
    triage: { level: 'urgent' },
  });

  // A signal the detection raised and nobody has looked at yet.
  await repos.transaction((tx) =>
    tx.safetySignals.insertNew(fixture.clinic.id, {
      key: 'dashboard-e2e',
      kind: 'infection_cluster',
      unit: { type: 'session_day', id: null, label: daysAgo(1).slice(0, 10) },
      window: { from: daysAgo(1).slice(0, 10), to: daysAgo(1).slice(0, 10), week: null },
      exposure: 2,
      observed: 2,
      expected: null,
      pValue: null,
      threshold: null,
      patientIds: [fixture.patient.id],
      lots: [],
      reportIds: [],
    }),
  );

  // Takings as reception records them: an invoice and two payments, by card and in cash.
  const reception = await signInClient(e2e.app, e2e.email('reception'), e2e.password);
  const invoice = await reception.inject({
    method: 'POST',
    url: '/api/invoices',
    payload: {
      patientId: fixture.patient.id,
      lines: [{ description: 'Mesotherapy session', quantity: 2, unitPriceMinor: 9_000, taxRatePercent: 0 }],
    },
  });
  if (invoice.statusCode !== 201) throw new Error(`invoice: ${invoice.statusCode} ${invoice.body}`);
  const invoiceId = (invoice.json() as { id: string }).id;
  for (const payment of [
    { amountMinor: 9_000, method: 'card', receivedAt: daysAgo(2) },
    { amountMinor: 4_500, method: 'cash', receivedAt: daysAgo(1) },
  ]) {
    const paid = await reception.inject({
      method: 'POST',
      url: `/api/invoices/${invoiceId}/payments`,
      payload: payment,
    });
    if (paid.statusCode !== 201) throw new Error(`payment: ${paid.statusCode} ${paid.body}`);
  }
}

useE2eBrowser(prepareClinic);

describe('dashboard', () => {
  it('shows every panel to an admin, each with its numbers one click away', { timeout: 180_000 }, async () => {
    const page = await signedInPage(server.email('admin'));
    await page.getByRole('link', { name: 'Dashboard', exact: true }).click();
    await page.getByRole('heading', { name: 'Dashboard', level: 1 }).waitFor();
    const sessionsPanel = page.getByRole('region', { name: 'Sessions per day' });
    await sessionsPanel.getByText('7 sessions: 4 done, 0 planned, 2 missed, 1 cancelled.').waitFor();
    for (const title of [
      'No-shows',
      'Courses completed',
      'Utilisation per practitioner',
      'Utilisation per room',
      'Takings per day',
      'Side effects reported',
    ])
      await page.getByRole('region', { name: title }).waitFor();
    await page.getByTestId('signals-panel').getByText('1 open safety signal').waitFor();
    await page
      .getByRole('region', { name: 'Takings per day' })
      .getByText(/received in 2 payments/)
      .waitFor();
    // The charts have drawn their bars.
    await sessionsPanel.locator('.recharts-bar-rectangle').first().waitFor();
    await checkScreen(page, 'dashboard-01-admin');

    const toggle = sessionsPanel.getByRole('button', { name: 'Show numbers' });
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    await toggle.click();
    const table = sessionsPanel.getByRole('table', { name: 'The numbers behind “Sessions per day”' });
    await table.waitFor();
    expect(await sessionsPanel.getByRole('button', { name: 'Hide numbers' }).getAttribute('aria-expanded')).toBe(
      'true',
    );
    // One row per day of the last 30, then the totals: 4 done, 0 planned, 2 missed, 1 cancelled, 7 in all.
    expect(await table.locator('tbody tr').count()).toBe(30);
    expect(await table.locator('tfoot tr').innerText()).toMatch(/Total\s+4\s+0\s+2\s+1\s+7/);

    const effects = page.getByRole('region', { name: 'Side effects reported' });
    await effects.getByRole('button', { name: 'Show numbers' }).click();
    const effectsTable = effects.getByRole('table');
    expect(await effectsTable.getByRole('row', { name: /Urgent/ }).innerText()).toMatch(/Urgent\s+1\s+1/);
    await checkScreen(page, 'dashboard-02-numbers');

    await sessionsPanel.getByRole('button', { name: 'Hide numbers' }).click();
    await table.waitFor({ state: 'hidden' });
    expect(problems).toEqual([]);
  });

  it('changes the days shown with the date range', { timeout: 120_000 }, async () => {
    const page = await signedInPage(server.email('admin'));
    await page.goto('/dashboard');
    const sessionsPanel = page.getByRole('region', { name: 'Sessions per day' });
    await sessionsPanel.getByText(/^7 sessions/).waitFor();
    await page.getByRole('button', { name: 'Last 7 days' }).click();
    await page.waitForURL(/from=.*&to=/);
    // The sessions of the last week: 1, 2, 3 and 5 days ago.
    await sessionsPanel.getByText('5 sessions: 3 done, 0 planned, 1 missed, 1 cancelled.').waitFor();
    await sessionsPanel.getByRole('button', { name: 'Show numbers' }).click();
    expect(await sessionsPanel.getByRole('table').locator('tbody tr').count()).toBe(7);

    const to = new URL(page.url()).searchParams.get('to') ?? '';
    await page.getByLabel('From').fill(to);
    await page.getByRole('button', { name: 'Show', exact: true }).click();
    await page.waitForURL(new RegExp(`from=${to}&to=${to}`));
    await sessionsPanel.getByText(/^0 sessions/).waitFor();
    await checkScreen(page, 'dashboard-03-one-day');
    expect(problems).toEqual([]);
  });

  it('shows reception the operations and takings, not the clinical panels', { timeout: 120_000 }, async () => {
    const page = await signedInPage(server.email('reception'));
    await page.getByRole('link', { name: 'Dashboard', exact: true }).click();
    await page
      .getByRole('region', { name: 'Sessions per day' })
      .getByText(/^7 sessions/)
      .waitFor();
    await page.getByRole('region', { name: 'Takings per day' }).waitFor();
    expect(await page.getByRole('region', { name: 'Side effects reported' }).count()).toBe(0);
    expect(await page.getByTestId('signals-panel').count()).toBe(0);
    await checkScreen(page, 'dashboard-04-reception');
    expect(problems).toEqual([]);
  });
});
