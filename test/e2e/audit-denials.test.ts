import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInClient } from '../../src/test-support/test-app.js';
import { seriousViolations } from './support/axe.js';
import { launchChromium, screenshot, watchForErrors } from './support/browser.js';
import { startE2eServer, type E2eServer } from './support/e2e-server.js';
import { signIn } from './support/ui.js';
import { ensureWebBuild } from './support/web-build.js';

/**
 * The audit page's denied attempts (issue 23): a patient tries another patient's records; the admin
 * sees the refusals per user, and opens that user's refused requests in the log, each saying why.
 * Screenshots go to test-results/e2e/audit-*.png.
 */

let server: E2eServer;
let browser: Browser;
const contexts: BrowserContext[] = [];
const problems: string[] = [];
const tries = 3;

beforeAll(async () => {
  await ensureWebBuild();
  server = await startE2eServer();
  browser = await launchChromium();
  const patient = await signInClient(server.app, server.email('patient'), server.password);
  for (let i = 0; i < tries; i++) {
    const response = await patient.inject({ method: 'GET', url: `/api/patients/${server.fixture.otherPatient.id}` });
    expect(response.statusCode).toBe(403);
  }
}, 180_000);

afterAll(async () => {
  for (const context of contexts) await context.close().catch(() => undefined);
  await browser?.close();
  await server?.close();
});

async function adminPage(): Promise<Page> {
  // bypassCSP only lets axe-core be injected as a script tag.
  const context = await browser.newContext({
    baseURL: server.baseUrl,
    bypassCSP: true,
    locale: 'en-GB',
    viewport: { width: 1280, height: 900 },
  });
  context.setDefaultTimeout(15_000);
  contexts.push(context);
  const page = await context.newPage();
  problems.push(...watchForErrors(page));
  await signIn(page, server.email('admin'), server.password);
  await page.waitForURL('**/today');
  return page;
}

describe('denied attempts on the audit page', () => {
  it('lists refusals per user and opens their refused requests in the log', { timeout: 120_000 }, async () => {
    const page = await adminPage();
    await page.getByRole('link', { name: 'Audit log' }).click();
    await page.getByRole('tab', { name: 'Denied attempts' }).click();
    const table = page.getByTestId('denied-attempts');
    await table.waitFor();
    const row = table.locator('tbody tr', { hasText: 'Paula Patient' });
    await expect.poll(async () => (await row.textContent()) ?? '').toContain(`another patient's record × ${tries}`);
    expect(page.url()).toContain('view=denied');
    await screenshot(page, 'audit-denied-attempts');
    expect(await seriousViolations(page), 'axe on the denied attempts').toEqual([]);

    await row.getByRole('button', { name: 'Paula Patient' }).click();
    const log = page.getByTestId('audit-log');
    await log.waitFor();
    await expect
      .poll(async () => log.locator('tbody tr', { hasText: "Refused: another patient's record" }).count())
      .toBe(tries);
    expect(await page.getByRole('switch', { name: 'Refused requests only' }).isChecked()).toBe(true);
    await screenshot(page, 'audit-refused-requests');
    expect(await seriousViolations(page), 'axe on the refused requests').toEqual([]);
  });

  it('logged no page errors and no server errors along the way', () => {
    expect(problems).toEqual([]);
  });
});
