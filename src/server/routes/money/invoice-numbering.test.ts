import { beforeAll, expect, it } from 'vitest';
import type { ClinicFixture } from '../../../test-support/clinic-fixture.js';
import { forEachApp, testPassword, type TestClient } from '../../../test-support/test-app.js';
import { issueInvoice } from '../../../services/money/invoices.js';
import { moneyRequests, seedPriceList } from './test-support/money-client.js';

/**
 * Invoice numbers run without gaps or repeats per clinic and year: taken from a counter row inside
 * the transaction that writes the invoice. Each test clinic here is new, so its numbers start at 1.
 */
forEachApp('invoice numbering', (get) => {
  let clinic: ClinicFixture;
  let reception: TestClient;
  let prices: Awaited<ReturnType<typeof seedPriceList>>;
  const { send, created } = moneyRequests();
  const year = new Date().getUTCFullYear();
  const expectedNumbers = (count: number, prefix = '') =>
    Array.from({ length: count }, (_, i) => `${prefix}${year}-${String(i + 1).padStart(6, '0')}`);

  beforeAll(async () => {
    clinic = await get().createOtherClinic();
    reception = await get().signInAs(clinic.users.reception.email, testPassword);
    prices = await seedPriceList(await get().signInAs(clinic.users.admin.email, testPassword));
  });

  const body = (patientId: string) => ({ patientId, lines: [{ priceId: prices.session.id, quantity: 1 }] });

  it('numbers 50 invoices issued at once 1 to 50, none twice and none skipped', async () => {
    const patients = [clinic.patient.id, clinic.otherPatient.id];
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) => send(reception, 'POST', '/api/invoices', body(patients[i % 2] ?? ''))),
    );
    expect(answers.map((a) => a.statusCode)).toEqual(Array(50).fill(201));
    const numbers = answers.map((a) => (a.json() as { number: string }).number).sort();
    expect(numbers).toEqual(expectedNumbers(50));
  });

  it('gives back the number of an invoice whose transaction failed', async () => {
    const { repos } = get();
    const failure = new Error('the write after the number failed');
    const taken = await repos
      .transaction(async (tx) => {
        const { invoice } = await issueInvoice(tx, clinic.users.reception, body(clinic.patient.id), new Date());
        expect(invoice.number).toBe(expectedNumbers(51)[50]);
        throw failure;
      })
      .catch((error: unknown) => error);
    expect(taken).toBe(failure);
    const next = await created(reception, 'POST', '/api/invoices', body(clinic.patient.id));
    expect(next.number).toBe(expectedNumbers(51)[50]);
  });

  it('keeps credit notes in a sequence of their own, also without gaps under concurrency', async () => {
    const invoices = await Promise.all(
      Array.from({ length: 10 }, () => created(reception, 'POST', '/api/invoices', body(clinic.patient.id))),
    );
    const notes = await Promise.all(
      invoices.map((invoice: { id: string }) =>
        send(reception, 'POST', `/api/invoices/${invoice.id}/credit-notes`, { amountMinor: 100, reason: 'Goodwill' }),
      ),
    );
    expect(notes.map((n) => n.statusCode)).toEqual(Array(10).fill(201));
    expect(notes.map((n) => (n.json() as { number: string }).number).sort()).toEqual(expectedNumbers(10, 'CN-'));
    const invoiceNumbers = invoices.map((i: { number: string }) => i.number).sort();
    expect(invoiceNumbers).toEqual(expectedNumbers(61).slice(51));
  });

  it("numbers each clinic's invoices on their own", async () => {
    const fresh = await get().createOtherClinic();
    const freshAdmin = await get().signInAs(fresh.users.admin.email, testPassword);
    const freshPrices = await seedPriceList(freshAdmin);
    const first = await created(freshAdmin, 'POST', '/api/invoices', {
      patientId: fresh.patient.id,
      lines: [{ priceId: freshPrices.product.id, quantity: 1 }],
    });
    expect(first.number).toBe(expectedNumbers(1)[0]);
  });
});
