import { daysFromToday } from '../../../src/test-support/relative-dates.js';
import type { TestClient } from '../../../src/test-support/test-app.js';

/**
 * The fixture patient's money records for the fuzzer: a price list, open quotes, an issued invoice
 * and a credit note against it, made through the API (numbers and totals are the services' work).
 * The parts fuzz-records.ts merges into its own tables.
 */
export interface FuzzMoneyRecords {
  byCollection: Record<string, string>;
  byRoute: Record<string, Record<string, string>>;
  hints: Record<string, unknown>;
  bodies: Record<string, unknown>;
}

async function made(admin: TestClient, url: string, payload: object): Promise<{ id: string }> {
  const response = await admin.inject({ method: 'POST', url, payload });
  if (response.statusCode !== 201) throw new Error(`POST ${url}: ${response.statusCode} ${response.body}`);
  return response.json();
}

export async function createFuzzMoneyRecords(
  admin: TestClient,
  { patientId, courseId }: { patientId: string; courseId: string },
): Promise<FuzzMoneyRecords> {
  const sessionPrice = {
    kind: 'session',
    name: 'Hair loss session',
    indication: 'hair_loss',
    area: 'scalp',
    unitPriceMinor: 15_000,
    currency: 'EUR',
    taxRatePercent: 20,
  };
  const price = await made(admin, '/api/prices', sessionPrice);
  // Changed by its own route's fuzzing (switched off, say), where the quotes and invoices below would notice.
  const sparePrice = await made(admin, '/api/prices', { ...sessionPrice, name: 'Spare session' });
  const openQuote = () =>
    made(admin, '/api/quotes', { patientId, courseId, lines: [{ priceId: price.id, quantity: 4 }] });
  const quote = await openQuote();
  // Each decision is taken on an open quote of its own: the first to succeed closes the quote it is given.
  const [toAccept, toDecline, toWithdraw] = [await openQuote(), await openQuote(), await openQuote()];
  // 720.00 with tax: room enough for every payment and credit note the fuzzing takes.
  const invoice = await made(admin, '/api/invoices', {
    patientId,
    lines: [{ priceId: price.id, quantity: 4 }],
  });
  const creditNote = await made(admin, `/api/invoices/${invoice.id}/credit-notes`, {
    amountMinor: 100,
    reason: 'Rounded down',
  });
  const line = { description: 'Goodwill', quantity: 1, unitPriceMinor: 100, taxRatePercent: 20 };

  return {
    byCollection: {
      prices: sparePrice.id,
      quotes: quote.id,
      invoices: invoice.id,
      'credit-notes': creditNote.id,
    },
    byRoute: {
      'POST /api/quotes/:id/accept': { id: toAccept.id },
      'POST /api/quotes/:id/decline': { id: toDecline.id },
      'POST /api/quotes/:id/withdraw': { id: toWithdraw.id },
    },
    hints: { priceId: price.id, quoteId: quote.id, currency: 'EUR' },
    bodies: {
      // Only a course_package covers a number of sessions: the schema's example of every field would not do.
      'POST /api/prices': sessionPrice,
      'POST /api/quotes': {
        patientId,
        courseId,
        lines: [{ priceId: price.id, quantity: 4 }, line],
        depositMinor: 5_000,
        validUntil: daysFromToday(30),
        currency: 'EUR',
      },
      'POST /api/invoices': {
        patientId,
        courseId,
        quoteId: quote.id,
        kind: 'invoice',
        lines: [{ priceId: price.id, quantity: 1 }, line],
        dueDate: daysFromToday(30),
        currency: 'EUR',
      },
      'POST /api/invoices/:id/payments': {
        amountMinor: 100,
        method: 'cash',
        receivedAt: new Date(Date.now() - 3_600_000).toISOString(),
        reference: 'Slip 17',
        acceptOverpayment: false,
      },
      // The amount, tax included, is the line's: 100 and 20% tax.
      'POST /api/invoices/:id/credit-notes': { amountMinor: 120, lines: [line], reason: 'Goodwill' },
    },
  };
}
