import { daysFromToday } from '../../../src/test-support/relative-dates.js';
import type { SampleWrite } from './sample-request.js';
import { expectStatus, hoursAgo, type SampleRecords } from './sample-records.js';

/**
 * Sample writes of the money routes: prices, quotes and their decisions, invoices with payments and
 * credit notes against them, the clinic's billing details, and the changes an issued invoice refuses.
 */
export function moneySampleWrites({ fixture, adminClient }: SampleRecords): Record<string, SampleWrite> {
  const patientId = fixture.patient.id;

  /** A write the admin makes to set a sample up, through the API (numbers and totals are the services' work). */
  const made = async (url: string, payload: Record<string, unknown>): Promise<{ id: string }> => {
    const response = await (await adminClient()).inject({ method: 'POST', url, payload });
    expectStatus(response, 201, `sample ${url}`);
    return response.json();
  };
  const newPrice = () =>
    made('/api/prices', {
      kind: 'session',
      name: 'Hair loss session',
      indication: 'hair_loss',
      unitPriceMinor: 15_000,
      currency: 'EUR',
      taxRatePercent: 20,
    });
  /** The price the quotes and invoices are made of, made once. */
  let sessionPrice: Promise<{ id: string }> | undefined;
  const priceId = async () => (await (sessionPrice ??= newPrice())).id;
  const openQuote = async () =>
    (await made('/api/quotes', { patientId, lines: [{ priceId: await priceId(), quantity: 4 }] })).id;
  /** An issued invoice of four sessions (720.00 with tax): room for a payment and a credit note. */
  const issuedInvoice = async () =>
    (await made('/api/invoices', { patientId, lines: [{ priceId: await priceId(), quantity: 4 }] })).id;

  /** An issued invoice stands as it was: every change meets the same refusal, and a credit note corrects it. */
  const refusedChange = (): SampleWrite => ({
    role: 'reception',
    stores: false,
    refusal: { status: 409, error: 'invoice_issued' },
    make: async () => ({ url: `/api/invoices/${await issuedInvoice()}` }),
  });
  const decision = (name: 'accept' | 'decline' | 'withdraw', role: SampleWrite['role']): SampleWrite => ({
    role,
    stores: true,
    make: async () => ({ url: `/api/quotes/${await openQuote()}/${name}` }),
  });

  return {
    'POST /api/prices': {
      role: 'admin',
      stores: true,
      make: async () => ({
        url: '/api/prices',
        payload: {
          kind: 'session',
          name: 'Scalp session',
          indication: 'hair_loss',
          area: 'scalp',
          unitPriceMinor: 12_000,
          currency: 'EUR',
          taxRatePercent: 20,
        },
      }),
    },
    'PATCH /api/prices/:id': {
      role: 'admin',
      stores: true,
      make: async () => ({
        url: `/api/prices/${(await newPrice()).id}`,
        payload: { name: 'Hair loss session, new rate', unitPriceMinor: 16_000, taxRatePercent: 10, active: true },
      }),
    },
    'PUT /api/money/billing-details': {
      role: 'admin',
      stores: true,
      make: async () => ({
        url: '/api/money/billing-details',
        payload: {
          legalName: 'Sample Clinic GmbH',
          address: '1 Main Street, 10115 Berlin',
          phone: '+49 30 555',
          email: 'billing@security.test',
          taxId: 'DE123456789',
          currency: 'EUR',
          paymentTermDays: 14,
        },
      }),
    },
    'POST /api/quotes': {
      role: 'reception',
      stores: true,
      make: async () => ({
        url: '/api/quotes',
        payload: {
          patientId,
          lines: [
            { priceId: await priceId(), quantity: 4, description: 'Hair loss course, four sessions' },
            { description: 'Home care serum', quantity: 1, unitPriceMinor: 2_500, taxRatePercent: 10 },
          ],
          depositMinor: 10_000,
          validUntil: daysFromToday(30),
        },
      }),
    },
    // The patient answers their own quote in the portal; only the clinic withdraws one.
    'POST /api/quotes/:id/accept': decision('accept', 'patient'),
    'POST /api/quotes/:id/decline': decision('decline', 'patient'),
    'POST /api/quotes/:id/withdraw': decision('withdraw', 'reception'),
    'POST /api/invoices': {
      role: 'reception',
      stores: true,
      make: async () => ({
        url: '/api/invoices',
        payload: {
          patientId,
          lines: [{ priceId: await priceId(), quantity: 2, description: 'Hair loss session' }],
          dueDate: daysFromToday(30),
        },
      }),
    },
    'PATCH /api/invoices/:id': refusedChange(),
    'PUT /api/invoices/:id': refusedChange(),
    'DELETE /api/invoices/:id': refusedChange(),
    'POST /api/invoices/:id/payments': {
      role: 'reception',
      stores: true,
      make: async () => ({
        url: `/api/invoices/${await issuedInvoice()}/payments`,
        payload: { amountMinor: 10_000, method: 'card', receivedAt: hoursAgo(1), reference: 'Terminal slip 4711' },
      }),
    },
    'POST /api/invoices/:id/credit-notes': {
      role: 'reception',
      stores: true,
      make: async () => ({
        url: `/api/invoices/${await issuedInvoice()}/credit-notes`,
        payload: {
          lines: [{ description: 'Goodwill for a late start', quantity: 1, unitPriceMinor: 5_000, taxRatePercent: 20 }],
          reason: 'The first session started late.',
        },
      }),
    },
  };
}
