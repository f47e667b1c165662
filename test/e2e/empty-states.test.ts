import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { problems, server, signedInPage, useE2eBrowser } from './support/e2e-browser.js';

/**
 * A new clinic's empty pages teach: each list with nothing in it says what goes there and links
 * the action that fills it, and the link leads there.
 */

useE2eBrowser();

/** Under the real content security policy, at Playwright's default size. */
function signedIn(role: 'admin' | 'practitioner' | 'patient'): Promise<Page> {
  return signedInPage(server.email(role), {
    landing: role === 'patient' ? '**/portal' : '**/today',
    bypassCSP: false,
    viewport: { width: 1280, height: 720 },
  });
}

/** The page's empty state: its text, and where its link goes (followed, to check it arrives). */
async function emptyState(page: Page, within = page.locator('body')) {
  const state = within.getByTestId('empty-state');
  await state.waitFor();
  const link = state.getByRole('link');
  return {
    text: (await state.textContent()) ?? '',
    href: (await link.count()) ? await link.getAttribute('href') : null,
  };
}

describe('empty pages', () => {
  it('say what goes on each of the clinician’s lists, and link what fills them', { timeout: 120_000 }, async () => {
    const page = await signedIn('practitioner');

    // Years before the demo's history, yet inside the window the schedule accepts.
    const longAgo = new Date(Date.now() - 5 * 365 * 86_400_000).toISOString().slice(0, 10);
    await page.goto(`/today?date=${longAgo}`);
    expect(await emptyState(page)).toMatchObject({ href: '/patients' });
    expect((await emptyState(page)).text).toContain('Sessions appear here once a course is booked');

    await page.goto('/patients?q=Nobodyhere');
    expect(await emptyState(page)).toMatchObject({ href: '/patients/new' });
    await page.getByTestId('empty-state').getByRole('link', { name: 'Register a new patient' }).click();
    await page.getByRole('heading', { name: 'New patient' }).waitFor();

    await page.goto('/side-effects');
    const sideEffects = await emptyState(page);
    expect(sideEffects.text).toContain('patients send them from the portal');
    expect(sideEffects.href).toBe('/patients');

    await page.goto('/flags');
    expect((await emptyState(page)).text).toContain('makes it unsafe to treat');

    // A registered patient with nothing yet: each section says how it fills.
    const { id } = server.fixture.patient;
    await page.goto(`/patients/${id}`);
    const intakes = await emptyState(page, page.locator('section[aria-labelledby="intakes-heading"]'));
    expect(intakes.href).toBe(`/patients/${id}/intake`);
    const courses = await emptyState(page, page.locator('section[aria-labelledby="courses-heading"]'));
    expect(courses.href).toBe(`/patients/${id}/intake`);
    const consents = await emptyState(page, page.locator('section[aria-labelledby="consents-heading"]'));
    expect(consents.href).toBe(`/patients/${id}/consent`);
    await page
      .locator('section[aria-labelledby="intakes-heading"]')
      .getByRole('link', { name: 'Take the intake' })
      .click();
    await page.waitForURL(`**/patients/${id}/intake`);
    expect(problems).toEqual([]);
  });

  it('say on the audit log what it records when no entry matches the filters', { timeout: 60_000 }, async () => {
    const page = await signedIn('admin');
    await page.goto('/audit');
    await page.getByTestId('audit-log').waitFor();
    await page.getByLabel('Record type').fill('no-such-record');
    const audit = await emptyState(page);
    expect(audit.text).toContain('Every read and change of a patient’s records is written here');
    expect(audit.href).toBeNull();
    expect(problems).toEqual([]);
  });

  it('tell the patient in the portal how to report a side effect', { timeout: 60_000 }, async () => {
    const page = await signedIn('patient');
    const reports = await emptyState(page, page.getByRole('region', { name: 'My reports' }));
    expect(reports.href).toBe('/portal/side-effects/new');
    expect(problems).toEqual([]);
  });
});
