import { describe, expect, it } from 'vitest';
import { fixtureEmail } from '../../src/test-support/clinic-fixture.js';
import { popplerText } from '../../src/interop/test-support/poppler.js';
import { screenshot } from './support/browser.js';
import { checkScreen, problems, server, signedInPage, useE2eBrowser } from './support/e2e-browser.js';
import {
  billing,
  clinic,
  emptyClinicTag,
  json,
  packageName,
  prepareMoneyClinic,
  priceRow,
  recordPayment,
} from './support/money-clinic.js';

/**
 * Money in the browser (issue 21): an admin keeps the price list (a price without a currency is
 * refused, naming the field); reception quotes a patient's planned course from it, edits the lines,
 * asks a deposit, invoices the deposit and then the course, records payments (an overpayment only
 * once confirmed) and a credit note; the money page shows the day's takings, what is owed and the
 * accountant's CSV; the patient answers a quote in the portal and sees their invoices. An admin sets
 * the billing details the invoice PDFs print; an overpaid invoice reads as in credit, not as a negative
 * amount owed. axe-core finds no serious violation on these screens. Screenshots go to
 * test-results/e2e/money-*.png.
 */

useE2eBrowser(prepareMoneyClinic);

describe('money pages', () => {
  it('says what goes on an empty price list', { timeout: 120_000 }, async () => {
    const page = await signedInPage(fixtureEmail('admin', emptyClinicTag));
    await page.getByRole('link', { name: 'Price list', exact: true }).click();
    await page.getByRole('heading', { name: 'Price list', level: 1 }).waitFor();
    await page.getByTestId('empty-state').getByText('No prices yet.', { exact: false }).waitFor();
    await checkScreen(page, 'money-01-prices-empty');
    await page.getByTestId('empty-state').getByRole('link', { name: 'Add a price' }).click();
    await page.getByRole('heading', { name: 'Add a price', level: 2 }).waitFor();
  });

  it(
    'an admin adds, edits and deactivates prices; a price without a currency is refused',
    { timeout: 180_000 },
    async () => {
      const page = await signedInPage(server.email('admin'));
      await page.getByRole('link', { name: 'Price list', exact: true }).click();
      await page.getByRole('heading', { name: 'Price list', level: 1 }).waitFor();
      await priceRow(page, packageName).getByText('€480.00').waitFor();

      await page.getByRole('button', { name: 'Add a price' }).click();
      const form = page.getByRole('form', { name: 'Add a price' });
      await form.getByLabel(/^Priced per/).selectOption('session');
      await form.getByLabel(/^Name/).fill('Hair loss session');
      await form.getByLabel(/^Indication/).selectOption('hair_loss');
      await form.getByLabel(/^Unit price/).fill('135');
      // The form offers the currency the list already uses; cleared, the server refuses and names it.
      expect(await form.getByLabel(/^Currency/).inputValue()).toBe('EUR');
      await form.getByLabel(/^Currency/).fill('');
      await form.getByLabel(/^Tax rate/).fill('20');
      await form.getByRole('button', { name: 'Save price' }).click();
      await form.getByRole('alert').getByText('Some fields need correcting.').waitFor();
      const currencyField = form.getByLabel(/^Currency/);
      expect(await currencyField.getAttribute('aria-invalid')).toBe('true');
      await checkScreen(page, 'money-02-price-currency-missing');
      const before = await server.repos.money.listPrices(server.fixture.clinic.id, {});
      expect(before.map((p) => p.name)).toEqual([packageName]);

      await currencyField.fill('EUR');
      await form.getByRole('button', { name: 'Save price' }).click();
      await page.getByRole('status').getByText('Hair loss session was added to the price list.').waitFor();
      await priceRow(page, 'Hair loss session').getByText('€135.00').waitFor();

      await page.getByRole('button', { name: 'Edit the price Hair loss session' }).click();
      const dialog = page.getByRole('dialog', { name: 'Edit the price Hair loss session' });
      await dialog.getByLabel(/^Unit price before tax/).fill('140.5');
      await dialog.getByRole('button', { name: 'Save price' }).click();
      await dialog.getByRole('status').getByText('Hair loss session was saved.', { exact: false }).waitFor();
      await dialog.getByRole('button', { name: 'Close', exact: true }).first().click();
      await dialog.waitFor({ state: 'hidden' });
      await priceRow(page, 'Hair loss session').getByText('€140.50').waitFor();
      await checkScreen(page, 'money-03-prices');

      await page.getByRole('button', { name: 'Deactivate Hair loss session' }).click();
      await page.getByRole('status').getByText('Hair loss session is no longer offered on new quotes.').waitFor();
      await expect.poll(() => priceRow(page, 'Hair loss session').count()).toBe(0);
      await page.getByText('Show inactive prices').click();
      await priceRow(page, 'Hair loss session').getByText('Inactive').waitFor();

      const saved = (await server.repos.money.listPrices(server.fixture.clinic.id, {})).find(
        (p) => p.name === 'Hair loss session',
      );
      expect(saved).toMatchObject({ unitPriceMinor: 14_050, currency: 'EUR', taxRatePercent: 20, active: false });
    },
  );

  it(
    'an admin sets the billing details the invoices print, a bad one named by its field',
    { timeout: 120_000 },
    async () => {
      const page = await signedInPage(server.email('admin'));
      await page.getByRole('link', { name: 'Clinic set-up' }).click();
      const form = page.getByRole('form', { name: 'Billing details' });
      await form.getByLabel(/^Legal name/).waitFor();
      await form.getByLabel(/^Legal name/).fill(billing.legalName);
      await form.getByLabel(/^Tax ID/).fill(billing.taxId);
      await form.getByLabel(/^Billing address/).fill(billing.address);
      await form.getByLabel(/^Phone/).fill(billing.phone);
      await form.getByLabel(/^Email/).fill('accounts at harbour-skin');
      await form.getByLabel(/^Currency/).fill('eur');
      expect(await form.getByLabel(/^Currency/).inputValue()).toBe('EUR');
      await form.getByLabel(/^Payment term/).fill('14');
      await form.getByRole('button', { name: 'Save billing details' }).click();
      await form.getByRole('alert').getByText('Some fields need correcting.').waitFor();
      const email = form.getByLabel(/^Email/);
      expect(await email.getAttribute('aria-invalid')).toBe('true');
      expect(await form.getByLabel(/^Legal name/).getAttribute('aria-invalid')).not.toBe('true');
      await checkScreen(page, 'money-03a-billing-details-error');
      expect(await server.repos.money.findBillingDetails(server.fixture.clinic.id)).toBeUndefined();

      await email.fill(billing.email);
      await form.getByRole('button', { name: 'Save billing details' }).click();
      await form.getByRole('status').getByText('Saved.').waitFor();
      expect(await email.getAttribute('aria-invalid')).not.toBe('true');
      await checkScreen(page, 'money-03b-billing-details');
      expect(await server.repos.money.findBillingDetails(server.fixture.clinic.id)).toMatchObject({
        ...billing,
        currency: 'EUR',
        paymentTermDays: 14,
      });
    },
  );

  it(
    'an admin quotes from the course card: the course names the indication, so the lines come filled',
    { timeout: 120_000 },
    async () => {
      const page = await signedInPage(server.email('admin'));
      await page.goto(`/patients/${server.fixture.patient.id}`);
      await page.getByTestId('course').getByRole('link', { name: 'Quote this course' }).click();
      const form = page.getByRole('form', { name: 'Planned course' });
      expect(await form.getByLabel('Course', { exact: true }).inputValue()).toBe(clinic.courseId);
      expect(await form.getByLabel('Indication', { exact: true }).inputValue()).toBe('hair_loss');
      expect(await form.getByLabel('Description of line 1').inputValue()).toBe(packageName);
      await form.getByTestId('draft-total').getByText('total €576.00', { exact: false }).waitFor();
      await form.getByRole('button', { name: 'Cancel' }).click();
      await page.getByRole('heading', { name: 'Paula Patient', level: 1 }).waitFor();
      expect(await server.repos.money.listQuotes({ clinicId: server.fixture.clinic.id })).toEqual([]);
    },
  );

  it(
    'reception quotes a course, invoices the deposit and the course, records payments and a credit note',
    { timeout: 240_000 },
    async () => {
      const patientId = server.fixture.patient.id;
      const page = await signedInPage(server.email('reception'));
      await page.goto(`/patients/${patientId}`);
      const money = page.getByTestId('patient-money');
      await money.getByText('No quote yet.', { exact: false }).waitFor();
      await money.getByRole('link', { name: 'New quote' }).first().click();
      await page.getByRole('heading', { name: 'New quote for Paula Patient', level: 1 }).waitFor();

      // The one course is chosen; reception names the indication and the package fills the lines.
      const form = page.getByRole('form', { name: 'Planned course' });
      expect(await form.getByLabel('Course', { exact: true }).inputValue()).toBe(clinic.courseId);
      expect(await form.getByLabel('Sessions', { exact: true }).inputValue()).toBe('4');
      await form.getByLabel('Indication', { exact: true }).selectOption('hair_loss');
      expect(await form.getByLabel('Description of line 1').inputValue()).toBe(packageName);
      await form.getByRole('button', { name: 'Add a typed line' }).click();
      await form.getByLabel('Description of line 2').fill('Aftercare serum');
      await form.getByLabel('Unit price of line 2').fill('25');
      await form.getByLabel('Tax rate of line 2').fill('10');
      await form.getByLabel(/^Deposit/).fill('100');
      // 480 + 20 % = 576, plus 25 + 10 % = 27.50: 603.50.
      await form.getByTestId('draft-total').getByText('total €603.50', { exact: false }).waitFor();
      await checkScreen(page, 'money-04-new-quote');
      await form.getByRole('button', { name: 'Save quote' }).click();

      await money.getByRole('status').getByText('The quote was saved.', { exact: false }).waitFor();
      const quote = money.getByTestId('quote').first();
      await quote.getByTestId('quote-summary').getByText('Total €603.50 · deposit €100.00').waitFor();
      await quote.getByText('Open', { exact: true }).waitFor();
      await checkScreen(page, 'money-05-patient-money');
      const [stored] = await server.repos.money.listQuotes({ clinicId: server.fixture.clinic.id, patientId });
      expect(stored?.lines.map((l) => [l.description, l.totalMinor, l.priceId !== null])).toEqual([
        [packageName, 57_600, true],
        ['Aftercare serum', 2_750, false],
      ]);
      expect(stored?.courseId).toBe(clinic.courseId);

      // The patient agreed at the desk: the deposit is invoiced first.
      await quote.getByRole('button', { name: 'Mark accepted' }).click();
      await quote.getByText('Accepted', { exact: true }).waitFor();
      await quote.getByRole('button', { name: 'Invoice the deposit' }).click();
      await page.getByRole('heading', { name: /^Deposit invoice \d{4}-\d{6}$/, level: 1 }).waitFor();
      await page.getByTestId('invoice-balance').getByText('€100.00').waitFor();
      await recordPayment(page, '100', 'Card');
      await page.getByTestId('invoice-balance').getByText('€0.00').waitFor();
      await page.getByTestId('invoice-status').getByText('Paid').waitFor();

      // Then the course's invoice, which takes the deposit off.
      await page.getByRole('link', { name: 'Paula Patient' }).click();
      await money.getByTestId('quote').first().getByRole('button', { name: 'Issue invoice' }).click();
      await page.getByRole('heading', { name: /^Invoice \d{4}-\d{6}$/, level: 1 }).waitFor();
      const lines = page.getByTestId('money-lines');
      await lines.getByText('Deposit already invoiced').waitFor();
      await page.getByTestId('invoice-total').getByText('€503.50').waitFor();
      const bands = page.getByTestId('tax-bands');
      await bands.getByRole('row', { name: /20%.*€480\.00.*€96\.00/ }).waitFor();
      await bands.getByRole('row', { name: /10%.*€25\.00.*€2\.50/ }).waitFor();
      await checkScreen(page, 'money-06-invoice');

      // More than is owed is asked about, not refused: first the amount is changed back, then confirmed.
      await page.getByRole('button', { name: 'Record payment' }).click();
      let dialog = page.getByRole('dialog', { name: /^Payment for invoice/ });
      await dialog.getByLabel(/^Amount/).fill('600');
      await dialog.getByRole('radio', { name: 'Cash' }).check();
      await dialog.getByRole('button', { name: 'Record payment' }).click();
      await dialog.getByText('€600.00 is €96.50 more than the €503.50 still owed', { exact: false }).waitFor();
      await checkScreen(page, 'money-07-overpayment');
      await dialog.getByRole('button', { name: 'Change the amount' }).click();
      expect(await dialog.getByLabel(/^Amount/).inputValue()).toBe('600');
      await dialog.getByRole('button', { name: 'Record payment' }).click();
      await dialog.getByRole('button', { name: 'Record the overpayment' }).click();
      await dialog.getByRole('status').getByText('€600.00 paid by Cash was recorded.').waitFor();
      await dialog.getByRole('button', { name: 'Close', exact: true }).first().click();
      await dialog.waitFor({ state: 'hidden' });
      // Paid more than is owed: the patient is in credit, never owes a negative amount.
      await page.getByTestId('invoice-balance').getByText('In credit €96.50', { exact: true }).waitFor();
      await page.getByTestId('payments').getByText('Cash').waitFor();

      // A credit note for part of it, with its reason.
      await page.getByRole('button', { name: 'Credit note' }).click();
      dialog = page.getByRole('dialog', { name: /^Credit note for invoice/ });
      await dialog.getByRole('button', { name: 'Issue credit note' }).click();
      await dialog.getByText('Enter the amount to credit.').waitFor();
      await dialog.getByLabel(/^Amount to credit/).fill('27.5');
      await dialog.getByLabel(/^Reason/).fill('Serum not collected');
      await dialog.getByRole('button', { name: 'Issue credit note' }).click();
      await dialog
        .getByRole('status')
        .getByText(/^Credit note CN-\d{4}-\d{6} for €27\.50 was issued\.$/)
        .waitFor();
      await dialog.getByRole('button', { name: 'Close', exact: true }).first().click();
      await dialog.waitFor({ state: 'hidden' });
      await page.getByTestId('credit-notes').getByText('Serum not collected').waitFor();
      await page.getByTestId('invoice-credited').getByText('€27.50').waitFor();
      await page.getByTestId('invoice-balance').getByText('In credit €124.00', { exact: true }).waitFor();

      const invoices = await server.repos.invoices.listInvoices({ clinicId: server.fixture.clinic.id, patientId });
      const final = invoices.find((i) => i.kind === 'invoice');
      expect(final).toMatchObject({ paidMinor: 60_000, creditedMinor: 2_750, balanceMinor: -12_400 });
      const payments = await server.repos.invoices.listPayments(final?.id ?? '');
      expect(payments.map((p) => [p.amountMinor, p.method])).toEqual([[60_000, 'cash']]);

      // The PDF link answers with a PDF that prints the clinic's billing details.
      const pdfHref = await page.getByRole('link', { name: 'Download PDF' }).getAttribute('href');
      expect(pdfHref).toMatch(/^\/api\/invoices\/[^/]+\/pdf\?lang=en$/);
      const pdf = await page.request.get(pdfHref ?? '');
      expect(pdf.status()).toBe(200);
      expect(pdf.headers()['content-type']).toContain('application/pdf');
      const printed = (await popplerText(await pdf.body())).replace(/\s+/g, ' ');
      for (const value of Object.values(billing)) expect(printed).toContain(value);

      // The patient's list says the same as the invoice.
      await page.getByRole('link', { name: 'Paula Patient' }).click();
      await money
        .getByTestId('patient-invoices')
        .getByRole('row', { name: new RegExp(final?.number ?? 'no number') })
        .getByText('In credit €124.00', { exact: true })
        .waitFor();
      await checkScreen(page, 'money-07a-patient-in-credit');
    },
  );

  it(
    'the money page shows the day’s takings, what is owed and the accountant’s export',
    { timeout: 120_000 },
    async () => {
      // Something still owed: a course invoice of another patient, unpaid.
      await json(clinic.reception, 'POST', '/api/invoices', {
        patientId: server.fixture.otherPatient.id,
        lines: [{ description: 'Consultation', quantity: 1, unitPriceMinor: 5_000, taxRatePercent: 20 }],
      });
      const page = await signedInPage(server.email('reception'));
      await page.getByRole('link', { name: 'Money', exact: true }).click();
      await page.getByRole('heading', { name: 'Money', level: 1 }).waitFor();
      const takings = page.getByTestId('takings');
      await takings.getByTestId('takings-card').getByText('€100.00').waitFor();
      await takings.getByTestId('takings-cash').getByText('€600.00').waitFor();
      await takings.getByTestId('takings-transfer').getByText('€0.00').waitFor();
      await takings.getByTestId('takings-total').getByText('€700.00').waitFor();
      const owed = page.getByTestId('owed');
      await owed
        .getByRole('row', { name: /Otto Other/ })
        .getByText('€60.00')
        .waitFor();
      await owed.getByTestId('owed-0-30').getByText('€60.00').waitFor();
      await checkScreen(page, 'money-08-money-page');

      const csvHref = await page.getByRole('link', { name: 'Download CSV' }).getAttribute('href');
      expect(csvHref).toMatch(/^\/api\/money\/export\.csv\?from=\d{4}-\d{2}-01&to=\d{4}-\d{2}-\d{2}$/);
      const csv = await page.request.get(csvHref ?? '');
      expect(csv.status()).toBe(200);
      expect(csv.headers()['content-type']).toContain('text/csv');
      const rows = (await csv.text()).trim().split(/\r?\n/);
      expect(rows[0]).toBe('date,type,number,patient,net,tax,total,method,currency');
      // Three invoices, a credit note and two payments so far this month.
      expect(rows.filter((r) => r.includes(',payment,'))).toHaveLength(2);
      expect(rows.filter((r) => r.includes(',credit note,'))).toHaveLength(1);

      // A day without payments says so.
      await takings.getByLabel('Day').fill('2020-01-15');
      await takings.getByTestId('empty-state').getByText('No payment received on 15 Jan 2020.').waitFor();
      await takings.getByTestId('takings-total').getByText('€0.00').waitFor();
    },
  );

  it(
    'the patient accepts an open quote in the portal and sees their invoices with the PDF',
    { timeout: 120_000 },
    async () => {
      await json(clinic.reception, 'POST', '/api/quotes', {
        patientId: server.fixture.patient.id,
        lines: [{ description: 'Top-up session', quantity: 2, unitPriceMinor: 9_000, taxRatePercent: 20 }],
      });
      const page = await signedInPage(server.email('patient'), { landing: '**/portal' });
      const mine = page.getByTestId('my-money');
      const quote = mine.getByTestId('quote');
      await quote.getByText('Top-up session').waitFor();
      await quote.getByTestId('quote-summary').getByText('Total €216.00').waitFor();
      const invoices = mine.getByTestId('my-invoices');
      await invoices
        .getByRole('link', { name: /^Invoice \d{4}-\d{6} \(PDF\)$/ })
        .first()
        .waitFor();
      expect(await invoices.getByRole('row').count()).toBe(3); // heading row, the deposit and the course invoice
      await invoices.getByText('In credit €124.00', { exact: true }).waitFor();
      await checkScreen(page, 'money-09-portal');

      await quote.getByRole('button', { name: 'Accept quote' }).click();
      await mine.getByRole('status').getByText('Thank you: you accepted the quote.', { exact: false }).waitFor();
      await expect.poll(() => mine.getByTestId('quote').count()).toBe(0);
      const quotes = await server.repos.money.listQuotes({
        clinicId: server.fixture.clinic.id,
        patientId: server.fixture.patient.id,
      });
      expect(quotes.filter((q) => q.status === 'accepted')).toHaveLength(2);

      // Another patient's invoice is not the patient's to see.
      const other = await server.repos.invoices.listInvoices({
        clinicId: server.fixture.clinic.id,
        patientId: server.fixture.otherPatient.id,
      });
      const refused = await page.request.get(`/api/invoices/${other[0]?.id ?? ''}`);
      expect(refused.status()).toBe(404);
      await screenshot(page, 'money-10-portal-accepted');
    },
  );

  it('shows the invoice in Turkish with Turkish amounts', { timeout: 120_000 }, async () => {
    const page = await signedInPage(server.email('admin'));
    const [invoice] = await server.repos.invoices.listInvoices({
      clinicId: server.fixture.clinic.id,
      patientId: server.fixture.patient.id,
    });
    await page.goto(`/invoices/${invoice?.id ?? ''}`);
    await page.getByRole('combobox', { name: 'Language' }).selectOption('tr');
    await page.getByRole('heading', { name: /^(Fatura|Kapora faturası) \d{4}-\d{6}$/, level: 1 }).waitFor();
    await page.getByTestId('invoice-total').getByText(/€/).waitFor();
    const total = await page.getByTestId('invoice-total').textContent();
    // Turkish writes the decimal comma: €503,50.
    expect(total).toMatch(/^€\d{1,3}(\.\d{3})*,\d{2}$/);
    await checkScreen(page, 'money-11-invoice-tr');
  });

  it('logged no page errors and no server errors', () => {
    expect(problems).toEqual([]);
  });
});
