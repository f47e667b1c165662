import { describe, expect, it } from 'vitest';
import { screenshot } from './support/browser.js';
import { fixturePatientCourse } from './support/patient-course.js';
import { checkScreen, problems, server, signedInPage, useE2eBrowser } from './support/e2e-browser.js';

/**
 * Structured side-effect reports through the browser: the patient ticks a late lump on the portal
 * and is told to call today; a practitioner records a report a patient phoned in, with the same
 * choices, and sees it marked as taken by phone by them.
 */

useE2eBrowser(async (server) => {
  // A course for the fixture patient and a session 15 days ago, as the clinic would have made them.
  await server.repos.treatmentSessions.create({
    courseId: await fixturePatientCourse(server),
    scheduledAt: new Date(Date.now() - 15 * 86_400_000).toISOString(),
  });
});

describe('side-effect triage in the browser', () => {
  it(
    'the patient ticks a lump that began two weeks after the session and is told to call the clinic today',
    { timeout: 120_000 },
    async () => {
      const page = await signedInPage(server.email('patient'), { landing: '**/portal' });
      await page.getByRole('link', { name: 'Report a side effect' }).first().click();
      await page.getByRole('heading', { name: 'Report a side effect' }).waitFor();

      const send = page.getByRole('button', { name: 'Send report' });
      expect(await send.isDisabled()).toBe(true);
      await page.getByRole('checkbox', { name: 'A lump, bump, knot or hard spot under the skin' }).check();
      await page.getByLabel(/^How many days after the session did it start/).fill('14');
      await checkScreen(page, 'se-01-portal-symptoms');
      await send.click();

      const result = page.getByTestId('triage-result');
      await result.waitFor();
      expect(await result.getAttribute('data-level')).toBe('urgent');
      await page.getByText('Contact the clinic today', { exact: true }).waitFor();
      await screenshot(page, 'se-02-portal-urgent');
    },
  );

  it(
    'a practitioner records what a patient phoned in, with the same choices, marked as taken by phone by them',
    { timeout: 120_000 },
    async () => {
      const page = await signedInPage(server.email('practitioner'));
      await page.goto(`/patients/${server.fixture.patient.id}`);
      await page.getByRole('button', { name: 'Record a side effect' }).click();
      const form = page.getByTestId('record-side-effect');
      await form.waitFor();
      await form.getByRole('radio', { name: 'By phone' }).check();
      await form.getByRole('checkbox', { name: 'Pus or fluid coming out (draining, weeping or oozing)' }).check();
      await form.getByLabel(/^What the patient notices/).fill('Phoned: no fever, the spot on her scalp is weeping');
      await form.getByLabel(/^Days after the session it started/).fill('13');
      await checkScreen(page, 'se-03-staff-form');
      await form.getByRole('button', { name: 'Save report' }).click();

      const saved = page.getByTestId('recorded-report').getByTestId('triage-result');
      await saved.waitFor();
      expect(await saved.getAttribute('data-level')).toBe('urgent');
      const list = page.getByTestId('patient-side-effects');
      await list.getByText('taken by phone by Dr Pia Practitioner').first().waitFor();
      await list.getByText('reported by the patient in the portal').first().waitFor();
      expect(await list.textContent()).toContain('Phoned: no fever, the spot on her scalp is weeping');
      await screenshot(page, 'se-04-staff-recorded');
    },
  );

  it('logged no page errors and no server errors', () => {
    expect(problems).toEqual([]);
  });
});
