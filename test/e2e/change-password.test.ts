import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInClient } from '../../src/test-support/test-app.js';
import { seriousViolations } from './support/axe.js';
import { launchChromium, screenshot, watchForErrors } from './support/browser.js';
import { startE2eServer, type E2eServer } from './support/e2e-server.js';
import { signIn } from './support/ui.js';
import { ensureWebBuild } from './support/web-build.js';

/** A user changes their own password from the menu: a weak one is refused with the estimator's hint. */

let server: E2eServer;
let browser: Browser;
const contexts: BrowserContext[] = [];
const problems: string[] = [];
const account = { email: 'remi@change-password.test', password: 'first passphrase for remi' };
const newPassword = 'a brand new passphrase for remi';

beforeAll(async () => {
  await ensureWebBuild();
  server = await startE2eServer();
  browser = await launchChromium();
  const admin = await signInClient(server.app, server.email('admin'), server.password);
  const created = await admin.inject({
    method: 'POST',
    url: '/api/users',
    payload: { ...account, displayName: 'Remi Reception', role: 'reception' },
  });
  if (created.statusCode !== 201) throw new Error(`no user: ${created.body}`);
}, 180_000);

afterAll(async () => {
  for (const context of contexts) await context.close().catch(() => undefined);
  await browser?.close();
  await server?.close();
});

async function newPage(): Promise<Page> {
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
  return page;
}

describe('changing the password in the browser', () => {
  it('refuses a weak new password, then changes it; the new one signs in', { timeout: 120_000 }, async () => {
    const page = await newPage();
    await signIn(page, account.email, account.password);
    await page.waitForURL('**/today');
    await page.getByRole('button', { name: 'Change password' }).click();
    const dialog = page.getByRole('dialog', { name: 'Change password' });
    await dialog.getByLabel(/^Current password/).fill(account.password);
    await dialog.getByLabel(/^New password(?! again)/).fill('1234567890');
    await dialog.getByLabel(/^New password again/).fill('1234567890');
    await dialog.getByRole('button', { name: 'Change password' }).click();
    await dialog
      .getByText(/is too easy to guess: This is a frequently used password/)
      .first()
      .waitFor();
    await screenshot(page, 'pw-01-weak');
    expect(await seriousViolations(page)).toEqual([]);

    await dialog.getByLabel(/^New password(?! again)/).fill(newPassword);
    await dialog.getByLabel(/^New password again/).fill(newPassword);
    await dialog.getByRole('button', { name: 'Change password' }).click();
    await dialog.getByText('Your password has been changed.', { exact: false }).waitFor();
    await dialog.getByRole('button', { name: 'Close' }).last().click();

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await signIn(page, account.email, newPassword);
    await page.waitForURL('**/today');
  });

  it('logged no page errors and no server errors', () => {
    // The weak password's 400 is the one expected answer of a failed request.
    expect(problems.filter((p) => !p.includes('400'))).toEqual([]);
  });
});
