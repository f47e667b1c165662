import { describe, expect, it } from 'vitest';
import { argon2idHasher } from '../../src/services/accounts/password-hasher.js';
import { createClinicFixture, fixtureEmail } from '../../src/test-support/clinic-fixture.js';
import { testPassword, testPasswordHashing } from '../../src/test-support/test-app.js';
import { checkScreen, problems, server, signedInPage, useE2eBrowser } from './support/e2e-browser.js';

/**
 * The stock page (issue 20): a clinic with no products says what goes there; a practitioner adds a
 * product with its knowledge-base ingredients, then lots as they arrive (quantity, expiry, supplier,
 * storage note), sees a lot that expires soon listed, records a stock count, and changes the product's
 * low-stock threshold in place. axe-core finds no serious violation on the page. Screenshots go to
 * test-results/e2e/stock-*.png.
 */

const emptyClinicTag = `stock-empty-${process.pid}`;
const isoDaysFromNow = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

useE2eBrowser(async (server) => {
  // A second clinic with nothing in its catalogue yet.
  await createClinicFixture(server.repos, {
    tag: emptyClinicTag,
    passwordHash: await argon2idHasher(testPasswordHashing).hash(testPassword),
  });
});

describe('stock page', () => {
  it('says what goes on an empty stock page and links the form that fills it', { timeout: 120_000 }, async () => {
    const page = await signedInPage(fixtureEmail('practitioner', emptyClinicTag));
    await page.getByRole('link', { name: 'Stock', exact: true }).click();
    await page.getByRole('heading', { name: 'Stock', level: 1 }).waitFor();
    const empty = page.getByTestId('empty-state');
    await empty.getByText('No products yet.', { exact: false }).waitFor();
    await page.getByTestId('low-stock').getByText('No product is low on stock.').waitFor();
    await page.getByTestId('expiring-soon').getByText('No lot with stock left expires within 60 days.').waitFor();
    await checkScreen(page, 'stock-01-empty');
    await empty.getByRole('link', { name: 'Add a product' }).click();
    await page.getByRole('heading', { name: 'Add a product', level: 2 }).waitFor();
  });

  it('adds a product, a lot, a count, and changes its low-stock threshold', { timeout: 180_000 }, async () => {
    const page = await signedInPage(server.email('practitioner'));
    await page.getByRole('link', { name: 'Stock', exact: true }).click();
    await page.getByRole('heading', { name: 'Stock', level: 1 }).waitFor();
    // The e2e clinic's own product is listed with its lots.
    await page.getByRole('heading', { name: server.catalogue.productName, level: 3 }).waitFor();
    await checkScreen(page, 'stock-02-catalogue');

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
    await checkScreen(page, 'stock-03-add-product');
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
    await checkScreen(page, 'stock-04-add-lot');
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
    await checkScreen(page, 'stock-05-counted');

    // The threshold changes in place: above what is left the product is low, back below it is not.
    const lowStock = page.getByTestId('low-stock');
    const changeThreshold = async (ml: string, screen?: string) => {
      await card.getByRole('button', { name: 'Change threshold for Glow serum' }).click();
      const thresholdForm = card.getByRole('form', { name: 'Change threshold for Glow serum' });
      await thresholdForm.getByLabel(/^Low-stock threshold/).fill(ml);
      if (screen) await checkScreen(page, screen);
      await thresholdForm.getByRole('button', { name: 'Save threshold' }).click();
      await card.getByRole('status').getByText(`Glow serum now counts as low on stock at or below ${ml} ml.`).waitFor();
    };
    await changeThreshold('25', 'stock-06-threshold');
    await lowStock.getByText('Glow serum: 18.5 ml left (low at 25 ml)').waitFor();
    await card.getByText('Low stock', { exact: true }).waitFor();
    await changeThreshold('10');
    await card.getByText('low at 10 ml', { exact: false }).waitFor();
    await expect.poll(async () => lowStock.getByText('Glow serum', { exact: false }).count()).toBe(0);
    expect(await card.getByText('Low stock', { exact: true }).count()).toBe(0);

    const product = (await server.repos.products.listProducts(server.fixture.clinic.id)).find(
      (p) => p.name === 'Glow serum',
    );
    expect(product?.ingredients).toEqual(['hyaluronic_acid', 'vitamin_c']);
    expect(product?.lowStockMl).toBe(10);
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
