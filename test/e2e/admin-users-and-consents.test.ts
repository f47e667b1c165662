import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { screenshot } from './support/browser.js';
import { checkScreen, newPage, problems, server, signedInPage, useE2eBrowser } from './support/e2e-browser.js';

/**
 * The admin's users and consent texts pages: inviting someone, who signs in through the link, and
 * publishing a new version of a consent text after its preview, which asks patients who signed the
 * earlier one to sign again. Each page is checked with axe-core.
 */

const invitee = { email: 'ines@invited.test', name: 'Ines Invited', password: 'quiet meadow compass 71' };

useE2eBrowser();

let admin: Page;

describe('users and consent texts in the browser', () => {
  it('shows the admin pages in the admin’s menu only', { timeout: 120_000 }, async () => {
    admin = await signedInPage(server.email('admin'));
    const menu = admin.getByRole('navigation', { name: 'Main navigation' });
    await menu.getByRole('link', { name: 'Users' }).waitFor();
    await menu.getByRole('link', { name: 'Consent texts' }).waitFor();

    const practitioner = await signedInPage(server.email('practitioner'));
    const theirs = practitioner.getByRole('navigation', { name: 'Main navigation' });
    await theirs.getByRole('link', { name: "Today's schedule" }).waitFor();
    expect(await theirs.getByRole('link', { name: 'Users' }).count()).toBe(0);
    await practitioner.goto('/admin/users');
    await practitioner.waitForURL('**/today');
  });

  it('invites a user, who chooses a password through the link and is signed in', { timeout: 120_000 }, async () => {
    await admin.getByRole('link', { name: 'Users' }).click();
    await admin.getByRole('heading', { name: 'Users', level: 1 }).waitFor();
    await admin.getByTestId('users').waitFor();
    expect(await admin.getByTestId('users').textContent()).toContain(server.email('reception'));
    await admin.getByText('No invitation is waiting.', { exact: false }).waitFor();
    await checkScreen(admin, 'admin-01-users');

    await admin.getByLabel(/^Email/).fill(invitee.email);
    await admin.getByLabel(/^Name/).fill(invitee.name);
    await admin.getByRole('button', { name: 'Send invitation' }).click();
    const link = await admin.getByTestId('invitation-link').inputValue();
    expect(link).toMatch(/\/invite\/[\w-]{43}$/);
    // This server sends no email: the admin is told to hand the link over.
    await admin.getByText('This clinic sends no email', { exact: false }).waitFor();
    await admin.getByTestId('invitations').getByText(invitee.email).waitFor();
    await checkScreen(admin, 'admin-02-invited');

    const page = await newPage();
    await page.goto(new URL(link).pathname);
    await page.getByRole('heading', { name: 'Welcome to mesodesk' }).waitFor();
    await page.getByText(`${invitee.name}, you are invited to`, { exact: false }).waitFor();
    await checkScreen(page, 'admin-03-accept-invitation');
    await page.getByLabel(/^Password(?! again)/).fill(invitee.password);
    await page.getByLabel(/^Password again/).fill(invitee.password);
    await page.getByRole('button', { name: 'Choose password and sign in' }).click();
    await page.waitForURL('**/today');
    await page.getByRole('heading', { name: "Today's schedule" }).waitFor();
    await page.getByText(`Signed in as ${invitee.name}`).waitFor();

    // The link worked once: opened again, it says so.
    const again = await newPage();
    await again.goto(new URL(link).pathname);
    await again.getByText('This invitation link has already been used.', { exact: false }).waitFor();

    await admin.reload();
    const row = admin.getByTestId('users').getByRole('row', { name: new RegExp(invitee.name) });
    await row.getByText('Active').waitFor();
    expect(await row.textContent()).toContain('Practitioner');
    await admin.getByText('No invitation is waiting.', { exact: false }).waitFor();
    await row.getByRole('button', { name: 'Deactivate' }).click();
    await row.getByText('Deactivated').waitFor();

    await admin.getByRole('combobox', { name: 'Language' }).selectOption('tr');
    await admin.getByRole('heading', { name: 'Kullanıcılar', level: 1 }).waitFor();
    await admin.getByRole('combobox', { name: 'Dil' }).selectOption('en');
    await admin.getByRole('heading', { name: 'Users', level: 1 }).waitFor();
  });

  it(
    'publishes a consent version after a preview; the patient must then sign again',
    { timeout: 120_000 },
    async () => {
      const { fixture } = server;
      const first = await server.repos.consent.findActiveText(fixture.clinic.id, 'mesotherapy', 'en');
      if (!first) throw new Error('the e2e server published no consent text');
      await server.repos.consent.sign({
        patientId: fixture.patient.id,
        consentTextId: first.id,
        typedName: 'Paula Patient',
        userId: null,
      });

      await admin.getByRole('link', { name: 'Consent texts' }).click();
      await admin.getByRole('heading', { name: 'Consent texts', level: 1 }).waitFor();
      const versions = admin.getByTestId('consent-versions-mesotherapy');
      await versions.getByText('1 signature').waitFor();
      await checkScreen(admin, 'admin-04-consent-texts');

      const text = admin.getByLabel(/^Text/);
      expect(await text.inputValue()).toBe(first.text);
      await text.fill('I consent to mesotherapy of the scalp.\n\nI was told about bruising and whom to call.');
      await admin.getByRole('button', { name: 'Preview' }).click();
      const preview = admin.getByTestId('consent-preview');
      await preview.getByText('mesotherapy · version 2 · English · not yet published').waitFor();
      expect(await preview.textContent()).toContain('I was told about bruising and whom to call.');
      await checkScreen(admin, 'admin-05-consent-preview');
      await admin.getByRole('button', { name: 'Publish version 2' }).click();
      await admin.getByText('Version 2 of the mesotherapy consent (English) is published.', { exact: false }).waitFor();
      const rows = versions.getByTestId('consent-version');
      await rows.nth(1).waitFor();
      expect(await rows.nth(0).textContent()).toMatch(/Version 2.*Current.*0 signatures/);
      expect(await rows.nth(1).textContent()).toMatch(/Version 1.*Superseded.*1 signature/);
      // A signed version is kept: it has no delete button.
      expect(
        await rows
          .nth(1)
          .getByRole('button', { name: /^Delete/ })
          .count(),
      ).toBe(0);

      const practitioner = await signedInPage(server.email('practitioner'));
      await practitioner.goto(`/patients/${fixture.patient.id}`);
      const standing = practitioner.getByTestId('consent-standing');
      await standing.getByText('Re-signing needed').waitFor();
      expect(await standing.textContent()).toContain('(version 1) has been replaced by version 2');
      await screenshot(practitioner, 'admin-06-resign-needed');

      // A version nobody signed may go: the one before is current again.
      await rows.nth(0).getByRole('button', { name: 'Delete version 2 of mesotherapy (English)' }).click();
      await admin.getByText('Version 2 is deleted.').waitFor();
      // The notice shows before the list is read again: wait for the list, not only the notice.
      await expect.poll(() => versions.getByTestId('consent-version').count()).toBe(1);
      await expect
        .poll(() => versions.getByTestId('consent-version').first().textContent())
        .toMatch(/Version 1.*Current/);
    },
  );

  it('logged no page errors and no server errors', () => {
    // The used link's 410 is the one expected answer of a failed request.
    expect(problems.filter((p) => !p.includes('410'))).toEqual([]);
  });
});
