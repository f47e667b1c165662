import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { argon2idHasher } from '../../src/services/accounts/password-hasher.js';
import { createClinicFixture, fixtureEmail } from '../../src/test-support/clinic-fixture.js';
import { testPassword, testPasswordHashing } from '../../src/test-support/test-app.js';
import { seriousViolations } from './support/axe.js';
import { launchChromium, screenshot, watchForErrors } from './support/browser.js';
import { startE2eServer, type E2eServer } from './support/e2e-server.js';
import { signIn } from './support/ui.js';
import { ensureWebBuild } from './support/web-build.js';

/**
 * The stock page (issue 20): a clinic with no products says what goes there; a practitioner adds a
 * product with its knowledge-base ingredients, then lots as they arrive (quantity, expiry, supplier,
 * storage note), sees a lot that expires soon listed, and records a stock count. axe-core finds no
 * serious violation on the page. Screenshots go to test-results/e2e/stock-*.png.
 */

let server: E2eServer;
let browser: Browser;
const contexts: BrowserContext[] = [];
const problems: string[] = [];
const emptyClinicTag = `stock-empty-${process.pid}`;
const isoDaysFromNow = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  await ensureWebBuild();
  server = await startE2eServer();
  browser = await launchChromium();
  // A second clinic with nothing in its catalogue yet.
  await createClinicFixture(server.repos, {
    tag: emptyClinicTag,
    passwordHash: await argon2idHasher(testPasswordHashing).hash(testPassword),
  });
}, 180_000);

afterAll(async () => {
  for (const context of contexts) await context.close().catch(() => undefined);
  await browser?.close();
  await server?.close();
});

/** bypassCSP only lets axe-core be injected as a script tag. */
async function signedIn(email: string): Promise<Page> {
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
  await signIn(page, email, server.password);
  await page.waitForURL('**/today');
  return page;
}

async function expectAccessible(page: Page, name: string): Promise<void> {
  await screenshot(page, name);
  expect(await seriousViolations(page), `axe on ${name}`).toEqual([]);
}

describe('stock page', () => {
  it('says what goes on an empty stock page and links the form that fills it', { timeout: 120_000 }, async () => {
    const page = await signedIn(fixtureEmail('practitioner', emptyClinicTag));
    await page.getByRole('link', { name: 'Stock', exact: true }).click();
    await page.getByRole('heading', { name: 'Stock', level: 1 }).waitFor();
    const empty = page.getByTestId('empty-state');
    await empty.getByText('No products yet.', { exact: false }).waitFor();
    await page.getByTestId('low-stock').getByText('No product is low on stock.').waitFor();
    await page.getByTestId('expiring-soon').getByText('No lot with stock left expires within 60 days.').waitFor();
    await expectAccessible(page, 'stock-01-empty');
    await empty.getByRole('link', { name: 'Add a product' }).click();
    await page.getByRole('heading', { name: 'Add a product', level: 2 }).waitFor();
  });

  it('adds a product with its ingredients, then a lot, and counts it', { timeout: 180_000 }, async () => {
    const page = await signedIn(server.email('practitioner'));
    await page.getByRole('link', { name: 'Stock', exact: true }).click();
    await page.getByRole('heading', { name: 'Stock', level: 1 }).waitFor();
    // The e2e clinic's own product is listed with its lots.
    await page.getByRole('heading', { name: server.catalogue.productName, level: 3 }).waitFor();
    await expectAccessible(page, 'stock-02-catalogue');

    await page.getByRole('button', { name: 'Add a product' }).click();
    const productForm = page.getByRole('form', { name: 'Add a product' });
    await productForm.getByLabel(/^Name/).fill('Glow serum');
    await productForm.getByLabel('Manufacturer').fill('Meso Labs');
    const ingredients = productForm.getByRole('textbox', { name: /^Ingredients/ });
    await ingredients.click();
    await ingredients.fill('hyalur');
    await page.getByRole('option', { name: 'Hyaluronic acid', exact: true }).click();
    await ingredients.fill('vitamin c');
    await page.getByRole('option', { name: 'Vitamin C', exact: true }).click();
    await page.keyboard.press('Escape');
    await productForm.getByLabel(/^Low-stock threshold/).fill('5');
    await expectAccessible(page, 'stock-03-add-product');
    await productForm.getByRole('button', { name: 'Save product' }).click();
    await page.getByRole('status').getByText('Glow serum was added.').waitFor();

    const card = page.getByRole('region', { name: 'Glow serum' });
    await card.getByText('Hyaluronic acid', { exact: true }).waitFor();
    await card.getByText('Vitamin C', { exact: true }).waitFor();
    await card.getByText('No lots yet.', { exact: false }).waitFor();
    // No stock yet: at or below the threshold, so listed as low.
    await page.getByTestId('low-stock').getByText('Glow serum: 0 ml left (low at 5 ml)').waitFor();

    await card.getByRole('button', { name: 'Add a lot of Glow serum' }).click();
    const lotForm = card.getByRole('form', { name: 'Add a lot of Glow serum' });
    await lotForm.getByLabel(/^Lot number/).fill('GS-001');
    await lotForm.getByLabel(/^Expiry date/).fill(isoDaysFromNow(20));
    await lotForm.getByLabel(/^Quantity received/).fill('20');
    await lotForm.getByLabel('Supplier').fill('Meso Supply Ltd');
    await lotForm.getByLabel(/^Storage note/).fill('Fridge 2, 2-8 °C');
    await expectAccessible(page, 'stock-04-add-lot');
    await lotForm.getByRole('button', { name: 'Save lot' }).click();
    await card.getByRole('status').getByText('Lot GS-001 was added with 20 ml.').waitFor();

    const row = card.getByTestId('lot-GS-001');
    await row.getByText('Meso Supply Ltd').waitFor();
    await row.getByText('Fridge 2, 2-8 °C').waitFor();
    expect(await row.getByRole('cell').nth(3).textContent()).toBe('20 ml');
    await card.getByText('20 ml usable in stock', { exact: false }).waitFor();
    // It expires within 60 days: the expiring list names it, and the product is no longer low.
    await page.getByTestId('expiring-soon').getByText('Glow serum, lot GS-001: 20 ml', { exact: false }).waitFor();
    await expect
      .poll(async () => page.getByTestId('low-stock').getByText('Glow serum', { exact: false }).count())
      .toBe(0);

    await row.getByRole('button', { name: 'Record a count of lot GS-001' }).click();
    const countForm = card.getByRole('form', { name: 'Record a count of lot GS-001' });
    await countForm.getByLabel(/^Counted quantity/).fill('18.5');
    await countForm.getByLabel('Note').fill('One vial broken');
    await countForm.getByRole('button', { name: 'Save count' }).click();
    await card
      .getByRole('status')
      .getByText('Counted 18.5 ml where 20 ml was expected: a difference of -1.5 ml.')
      .waitFor();
    await expect.poll(async () => row.getByRole('cell').nth(3).textContent()).toBe('18.5 ml');
    await expectAccessible(page, 'stock-05-counted');

    const product = (await server.repos.products.listProducts(server.fixture.clinic.id)).find(
      (p) => p.name === 'Glow serum',
    );
    expect(product?.ingredients).toEqual(['hyaluronic_acid', 'vitamin_c']);
    const lot = (await server.repos.products.listLots(product?.id ?? '')).at(0);
    expect(lot).toMatchObject({
      lotNumber: 'GS-001',
      receivedMl: 20,
      remainingMl: 18.5,
      supplier: 'Meso Supply Ltd',
      storageNote: 'Fridge 2, 2-8 °C',
    });
    expect((await server.repos.products.listStockCounts(lot?.id ?? '')).map((c) => c.differenceMl)).toEqual([-1.5]);
  });

  it('logged no page errors and no server errors', () => {
    expect(problems).toEqual([]);
  });
});
