import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCsvRecords } from '../../src/interop/test-support/parse-csv.js';
import { signInClient } from '../../src/test-support/test-app.js';
import { axeViolations } from './support/axe.js';
import { screenshot } from './support/browser.js';
import { problems, server, signedInPage, useE2eBrowser } from './support/e2e-browser.js';

/**
 * The audit page names users and patients instead of ids: the admin finds a patient by name, sees
 * only the entries about them, and exports those entries as CSV. Screenshots go to
 * test-results/e2e/audit-page-*.png.
 */

useE2eBrowser(async (server) => {
  // The practitioner opens both fixture patients' records: entries about two patients.
  const practitioner = await signInClient(server.app, server.email('practitioner'), server.password);
  for (const patient of [server.fixture.patient, server.fixture.otherPatient])
    expect((await practitioner.inject({ method: 'GET', url: `/api/patients/${patient.id}` })).statusCode).toBe(200);
});

describe('the audit page', () => {
  it(
    'filters by a patient found by name, names who did what, and exports the filtered entries',
    { timeout: 120_000 },
    async () => {
      const page = await signedInPage(server.email('admin'));
      await page.getByRole('link', { name: 'Audit log' }).click();
      const log = page.getByTestId('audit-log');
      await log.waitFor();
      // Users and patients by name, not by id.
      await log.locator('tbody tr', { hasText: 'Dr Pia Practitioner' }).first().waitFor();
      await log.locator('tbody tr', { hasText: 'Otto Other' }).first().waitFor();
      expect(await log.textContent()).not.toContain(server.fixture.patient.id);

      await page.getByRole('textbox', { name: 'Patient' }).fill('Paula');
      await page.getByRole('option', { name: /^Patient, Paula/ }).click();
      // The filtered page has loaded when rows are back and every one is Paula's.
      await expect
        .poll(async () => {
          const texts = await log.locator('tbody tr').allTextContents();
          return texts.length > 0 && texts.every((text) => text.includes('Paula Patient'));
        })
        .toBe(true);
      const rows = log.locator('tbody tr');
      const shown = await rows.count();
      expect(shown).toBeGreaterThan(0);
      for (let i = 0; i < shown; i++) expect(await rows.nth(i).textContent()).toContain('Paula Patient');
      await screenshot(page, 'audit-page-01-patient-filter');
      expect(await axeViolations(page), 'axe on the filtered audit log').toEqual([]);

      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Export as CSV' }).click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/^audit-log-.*\.csv$/);
      const path = await download.path();
      const exported = parseCsvRecords(readFileSync(path, 'utf8'));
      expect(exported.length).toBe(shown);
      expect(
        exported.every((r) => r['patient ids'] === server.fixture.patient.id && r.patients === 'Paula Patient'),
      ).toBe(true);
      expect(exported.some((r) => r.user === 'Dr Pia Practitioner' && r.action === 'read')).toBe(true);
    },
  );

  it('logged no page errors and no server errors', () => {
    expect(problems).toEqual([]);
  });
});
