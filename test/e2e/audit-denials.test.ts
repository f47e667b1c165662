import { describe, expect, it } from 'vitest';
import { signInClient } from '../../src/test-support/test-app.js';
import { checkScreen, problems, server, signedInPage, useE2eBrowser } from './support/e2e-browser.js';

/**
 * The audit page's denied attempts (issue 23): a patient tries another patient's records; the admin
 * sees the refusals per user, and opens that user's refused requests in the log, each saying why.
 * Screenshots go to test-results/e2e/audit-*.png.
 */

const tries = 3;

useE2eBrowser(async (server) => {
  const patient = await signInClient(server.app, server.email('patient'), server.password);
  for (let i = 0; i < tries; i++) {
    const response = await patient.inject({ method: 'GET', url: `/api/patients/${server.fixture.otherPatient.id}` });
    expect(response.statusCode).toBe(403);
  }
});

describe('denied attempts on the audit page', () => {
  it('lists refusals per user and opens their refused requests in the log', { timeout: 120_000 }, async () => {
    const page = await signedInPage(server.email('admin'));
    await page.getByRole('link', { name: 'Audit log' }).click();
    await page.getByRole('tab', { name: 'Denied attempts' }).click();
    const table = page.getByTestId('denied-attempts');
    await table.waitFor();
    const row = table.locator('tbody tr', { hasText: 'Paula Patient' });
    await expect.poll(async () => (await row.textContent()) ?? '').toContain(`another patient's record × ${tries}`);
    expect(page.url()).toContain('view=denied');
    await checkScreen(page, 'audit-denied-attempts');

    await row.getByRole('button', { name: 'Paula Patient' }).click();
    const log = page.getByTestId('audit-log');
    await log.waitFor();
    await expect
      .poll(async () => log.locator('tbody tr', { hasText: "Refused: another patient's record" }).count())
      .toBe(tries);
    expect(await page.getByRole('switch', { name: 'Refused requests only' }).isChecked()).toBe(true);
    await checkScreen(page, 'audit-refused-requests');
  });

  it('logged no page errors and no server errors along the way', () => {
    expect(problems).toEqual([]);
  });
});
