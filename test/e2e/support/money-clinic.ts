import type { Page } from 'playwright-core';
import { argon2idHasher } from '../../../src/services/accounts/password-hasher.js';
import { createClinicFixture } from '../../../src/test-support/clinic-fixture.js';
import {
  signInClient,
  testPassword,
  testPasswordHashing,
  type TestClient,
} from '../../../src/test-support/test-app.js';
import type { E2eServer } from './e2e-server.js';
import { fixturePatientCourse } from './patient-course.js';

/** The set-up of the money pages' story in test/e2e/money.test.ts, and the steps it takes more than once. */

export const emptyClinicTag = `money-empty-${process.pid}`;
export const billing = {
  legalName: 'Harbour Skin Clinic Ltd',
  address: '4 Quay Street, Galway H91 X2Y3',
  phone: '+353 91 555 0100',
  email: 'accounts@harbour-skin.example',
  taxId: 'IE1234567T',
};
export const packageName = 'Hair loss, course of 4 sessions';

/** Filled in by `prepareMoneyClinic` before the tests run. */
export const clinic = { reception: undefined as unknown as TestClient, courseId: '' };

export async function json<T>(client: TestClient, method: 'GET' | 'POST', url: string, payload?: object): Promise<T> {
  const response = await client.inject({ method, url, ...(payload ? { payload } : {}) });
  if (response.statusCode >= 300) throw new Error(`${method} ${url}: ${response.statusCode} ${response.body}`);
  return response.json() as T;
}

/**
 * A second clinic with no prices, and in the fixture clinic a hair-loss course of four booked
 * sessions for the fixture patient, with a package the clinic sells for it.
 */
export async function prepareMoneyClinic(server: E2eServer): Promise<void> {
  await createClinicFixture(server.repos, {
    tag: emptyClinicTag,
    passwordHash: await argon2idHasher(testPasswordHashing).hash(testPassword),
  });
  const admin = await signInClient(server.app, server.email('admin'), server.password);
  clinic.reception = await signInClient(server.app, server.email('reception'), server.password);
  clinic.courseId = await fixturePatientCourse(server);
  for (const week of [1, 2, 3, 4])
    await server.repos.treatmentSessions.create({
      courseId: clinic.courseId,
      scheduledAt: new Date(Date.now() + week * 7 * 86_400_000).toISOString(),
    });
  await json(admin, 'POST', '/api/prices', {
    kind: 'course_package',
    name: packageName,
    indication: 'hair_loss',
    sessions: 4,
    unitPriceMinor: 48_000,
    currency: 'EUR',
    taxRatePercent: 20,
  });
}

/** The row of a price in the price list table. */
export const priceRow = (page: Page, name: string) => page.getByTestId(`price-${name}`);

/** Records a payment through the invoice page's dialog and closes it. */
export async function recordPayment(
  page: Page,
  amount: string,
  method: 'Cash' | 'Card' | 'Bank transfer',
): Promise<void> {
  await page.getByRole('button', { name: 'Record payment' }).click();
  const dialog = page.getByRole('dialog', { name: /^Payment for invoice/ });
  await dialog.getByLabel(/^Amount/).fill(amount);
  await dialog.getByRole('radio', { name: method }).check();
  await dialog.getByRole('button', { name: 'Record payment' }).click();
  await dialog.getByRole('status').getByText('was recorded', { exact: false }).waitFor();
  await dialog.getByRole('button', { name: 'Close', exact: true }).first().click();
  await dialog.waitFor({ state: 'hidden' });
}
