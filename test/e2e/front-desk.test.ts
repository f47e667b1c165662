import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createSampleCourse } from '../../src/test-support/stored-records.js';
import { axeViolations } from './support/axe.js';
import { screenshot } from './support/browser.js';
import { fixturePatientCourse } from './support/patient-course.js';
import { problems, server, signedInPage, useE2eBrowser } from './support/e2e-browser.js';

/**
 * The front desk in the browser, as reception: a late lump a patient phones in is triaged urgent
 * with its advice, as the portal would; the patient is checked in when they arrive and shows as
 * waiting; a cancelled session's slot is offered to the patient waiting for it and booked from the
 * list. Every screen passes axe with no violation at all. Screenshots go to test-results/e2e/front-desk-*.png.
 */

const dayMs = 86_400_000;
/** The session the lump is about, three weeks ago. */
let lumpSessionAt = '';

useE2eBrowser(async (server) => {
  const { repos, fixture } = server;
  // Paula's course: a session three weeks ago (the lump is about it) and one today, a little before now.
  const courseId = await fixturePatientCourse(server);
  lumpSessionAt = new Date(Date.now() - 21 * dayMs).toISOString();
  await repos.treatmentSessions.create({ courseId, scheduledAt: lumpSessionAt });
  const midnight = Date.parse(new Date().toISOString().slice(0, 10));
  await repos.treatmentSessions.create({
    courseId,
    scheduledAt: new Date((midnight + Date.now()) / 2).toISOString(),
    durationMinutes: 30,
  });
  // Otto has a course ready to book; someone else's session in ten days is cancelled, opening its slot.
  await createSampleCourse(repos, fixture.otherPatient.id);
  const elsewhere = await repos.patients.create({
    clinicId: fixture.clinic.id,
    firstName: 'Erik',
    lastName: 'Early',
    birthDate: '1970-03-03',
    sex: 'male',
  });
  const theirs = await createSampleCourse(repos, elsewhere.id);
  const cancelled = await repos.treatmentSessions.create({
    courseId: theirs.id,
    scheduledAt: `${new Date(Date.now() + 10 * dayMs).toISOString().slice(0, 10)}T10:00:00.000Z`,
    durationMinutes: 30,
    practitionerId: fixture.users.practitioner.id,
    locationId: fixture.location.id,
  });
  await repos.treatmentSessions.update(cancelled.id, { status: 'cancelled' });
  // A second site of the clinic, where Erik comes today.
  const north = await repos.clinics.createLocation({ clinicId: fixture.clinic.id, name: 'North site' });
  await repos.treatmentSessions.create({
    courseId: theirs.id,
    scheduledAt: new Date((midnight + Date.now()) / 2).toISOString(),
    durationMinutes: 30,
    locationId: north.id,
  });
});

/** Screenshot, then axe with every impact: the front desk's screens are new and held to all of it. */
async function checkAll(page: Page, name: string): Promise<void> {
  await screenshot(page, name);
  expect(await axeViolations(page), `axe on ${name}`).toEqual([]);
}

/** Types part of a name into the patient search and picks the patient. */
async function pickPatient(page: Page, typed: string, option: RegExp): Promise<void> {
  const search = page.getByRole('textbox', { name: 'Patient' });
  await search.fill(typed);
  await page.getByRole('option', { name: option }).click();
}

describe('the front desk', () => {
  it(
    'triages a late lump phoned in to reception as urgent, with its advice and who took it',
    { timeout: 120_000 },
    async () => {
      const page = await signedInPage(server.email('reception'));
      await page.getByRole('link', { name: 'Front desk' }).click();
      await page.getByRole('tab', { name: 'Side effect by phone' }).click();
      await pickPatient(page, 'Paula', /^Patient, Paula/);
      const form = page.getByTestId('record-side-effect');
      await form.waitFor();
      // The session three weeks ago, not this morning's (the latest, chosen first), as the page writes it.
      await form.getByRole('textbox', { name: /^Session/ }).click();
      const when = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' }).format(
        new Date(lumpSessionAt),
      );
      await page.getByRole('option', { name: when, exact: true }).click();
      await form.getByRole('radio', { name: 'By phone' }).check();
      await form.getByRole('checkbox', { name: 'A lump, bump, knot or hard spot under the skin' }).check();
      await form.getByLabel(/^What the patient notices/).fill('A hard lump where the needle went in, for a few days');
      await form.getByLabel(/^Days after the session it started/).fill('18');
      expect(await form.getByLabel(/^Days after the session it started/).inputValue()).toBe('18');
      await checkAll(page, 'front-desk-01-side-effect-form');
      await form.getByRole('button', { name: 'Save report' }).click();

      const result = page.getByTestId('desk-report-result');
      await result.waitFor();
      const triage = result.getByTestId('triage-result');
      expect(await triage.getAttribute('data-level')).toBe('urgent');
      await triage.getByRole('alert').getByText('Urgent').waitFor();
      // Each finding with its advice, and what to tell the patient: to call today.
      expect((await triage.locator('li').first().textContent())?.length).toBeGreaterThan(20);
      await result.getByText(/Please call the clinic today/).waitFor();
      await checkAll(page, 'front-desk-02-side-effect-urgent');
      const [stored] = await server.repos.sideEffects.listNeedingAttention({
        clinicId: server.fixture.clinic.id,
        levels: ['urgent'],
        limit: 1,
        offset: 0,
      });
      expect(stored?.report).toMatchObject({
        onsetDays: 18,
        reportedBy: 'staff',
        reportedVia: 'phone',
        reporterUserId: server.fixture.users.reception.id,
      });

      // The clinician sees it as taken by phone by reception, among the urgent ones.
      const practitioner = await signedInPage(server.email('practitioner'));
      await practitioner.goto('/side-effects');
      const list = practitioner.getByTestId('attention-list');
      await list.getByText('taken by phone by Rita Reception').waitFor();
    },
  );

  it('checks the arriving patient in and shows them waiting since then', { timeout: 120_000 }, async () => {
    const page = await signedInPage(server.email('reception'));
    await page.goto('/front-desk');
    const table = page.getByTestId('arrivals');
    await table.waitFor();
    await checkAll(page, 'front-desk-03-arrivals');
    await table.getByRole('button', { name: 'Check in Paula Patient' }).click();
    const row = table.locator('tr[data-waiting="true"]', { hasText: 'Paula Patient' });
    await row.getByText(/^Waiting since /).waitFor();
    await row.getByText('checked in by Rita Reception').waitFor();
    expect(await page.getByTestId('waiting-count').textContent()).toBe('1 patient waiting');
    await checkAll(page, 'front-desk-04-arrivals-waiting');
  });

  it("lists one site's arrivals when the desk picks it, and keeps the choice", { timeout: 120_000 }, async () => {
    const page = await signedInPage(server.email('reception'));
    await page.goto('/front-desk');
    const table = page.getByTestId('arrivals');
    await table.getByText('Erik Early').waitFor();
    await table.getByText('Paula Patient').waitFor();
    const site = page.getByRole('combobox', { name: 'Location' });
    await site.selectOption({ label: 'North site' });
    await page.waitForURL(/location=/);
    // The list is replaced while the site's day loads: count its rows once Erik's is back.
    await table.getByText('Paula Patient').waitFor({ state: 'detached' });
    await table.getByText('Erik Early').waitFor();
    expect(await table.getByTestId('arrival').count()).toBe(1);
    await checkAll(page, 'front-desk-04b-arrivals-one-site');
    // The desk comes back to its site, from the device's memory.
    await page.goto('/front-desk');
    await table.getByText('Erik Early').waitFor();
    expect(await site.inputValue()).not.toBe('');
    expect(await table.getByTestId('arrival').count()).toBe(1);
    await site.selectOption({ label: 'All locations' });
    await table.getByText('Paula Patient').waitFor();
  });

  it(
    'offers an opened slot to the patient waiting for it and books their course from the list',
    { timeout: 120_000 },
    async () => {
      const page = await signedInPage(server.email('reception'));
      await page.goto('/front-desk?tab=waitingList');
      await page.getByRole('button', { name: 'Add to the waiting list' }).click();
      await pickPatient(page, 'Otto', /^Other, Otto/);
      await page.getByRole('textbox', { name: 'Indication' }).click();
      await page.getByRole('option', { name: 'Hair loss', exact: true }).click();
      await page.getByRole('checkbox', { name: 'Mornings (08:00–12:00)' }).check();
      await page.getByLabel('Note').fill('Can come at short notice');
      await checkAll(page, 'front-desk-05-waiting-form');
      await page.getByRole('button', { name: 'Add', exact: true }).click();
      await page.getByTestId('waiting-notice').getByText('Otto Other is on the waiting list.').waitFor();
      const entry = page.getByTestId('waiting-entry').filter({ hasText: 'Otto Other' });
      await entry.getByText('Ready to book').waitFor();

      const opening = page.getByTestId('opening').first();
      await opening.getByText('cancelled').waitFor();
      await opening.getByRole('button', { name: /^Who fits/ }).click();
      const otto = opening.getByTestId('candidate').filter({ hasText: 'Otto Other' });
      await otto.waitFor();
      expect(await otto.getAttribute('data-fit')).toBe('fits');
      await checkAll(page, 'front-desk-06-who-fits');
      await otto.getByRole('button', { name: 'Book this course for Otto Other' }).click();
      await page
        .getByTestId('waiting-notice')
        .getByText(/^Booked \d+ sessions for Otto Other/)
        .waitFor();
      await page.getByText('Nobody is waiting.').waitFor();
      const booked = await server.repos.treatmentSessions.listByPatient(server.fixture.otherPatient.id);
      expect(booked.filter((s) => s.status === 'planned').length).toBeGreaterThan(0);
      await checkAll(page, 'front-desk-07-booked');
    },
  );

  it('logged no page errors and no server errors', () => {
    expect(problems).toEqual([]);
  });
});
