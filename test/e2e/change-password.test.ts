import { describe, expect, it } from 'vitest';
import { signInClient } from '../../src/test-support/test-app.js';
import { checkScreen, problems, signedInPage, useE2eBrowser } from './support/e2e-browser.js';
import { signIn } from './support/ui.js';

/** A user changes their own password from the menu: a weak one is refused with the estimator's hint. */

const account = { email: 'remi@change-password.test', password: 'first passphrase for remi' };
const newPassword = 'a brand new passphrase for remi';

useE2eBrowser(async (server) => {
  const admin = await signInClient(server.app, server.email('admin'), server.password);
  const created = await admin.inject({
    method: 'POST',
    url: '/api/users',
    payload: { ...account, displayName: 'Remi Reception', role: 'reception' },
  });
  if (created.statusCode !== 201) throw new Error(`no user: ${created.body}`);
});

describe('changing the password in the browser', () => {
  it('refuses a weak new password, then changes it; the new one signs in', { timeout: 120_000 }, async () => {
    const page = await signedInPage(account.email, { password: account.password });
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
    await checkScreen(page, 'pw-01-weak');

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
