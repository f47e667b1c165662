import { expect } from 'vitest';
import type { Expected, FlowContext, Step } from './audit-flow.js';

/**
 * Paying for the course: a quote from the price list that the patient accepts, others declined and
 * withdrawn; a deposit invoiced and paid, the course's invoice with the deposit taken off, a credit
 * note against it; the clinic's books (takings, what is owed, the accountant's export).
 */
export function moneySteps({ ids, id, paula }: FlowContext): Step[] {
  const entry = (action: Expected['action'], entity: string, entityId: string): Expected => ({
    action,
    entity,
    entityId,
    patientId: paula,
  });
  const reads = (entity: string, records: { id: string }[]) => records.map((r) => entry('read', entity, r.id));
  /** A written-out quote (a consultation) for the patient to turn down or the clinic to withdraw. */
  const consultation = {
    patientId: paula,
    lines: [{ description: 'Consultation', quantity: 1, unitPriceMinor: 5_000, taxRatePercent: 20 }],
  };

  return [
    // Quotes: the course's, priced from the clinic's list, answered by the patient in the portal.
    {
      route: 'POST /api/quotes',
      as: 'reception',
      url: () => '/api/quotes',
      status: 201,
      payload: () => ({ patientId: paula, courseId: id('course'), depositMinor: 10_000 }),
      expected: (b) => [entry('create', 'quote', b.id)],
      keep: (b) => (ids.quote = b.id),
    },
    {
      route: 'GET /api/quotes',
      as: 'patient',
      url: () => '/api/quotes',
      status: 200,
      expected: (b) => reads('quote', b.items),
    },
    {
      route: 'GET /api/quotes/:id',
      as: 'practitioner',
      url: () => `/api/quotes/${id('quote')}`,
      status: 200,
      expected: () => [entry('read', 'quote', id('quote'))],
    },
    {
      route: 'POST /api/quotes/:id/accept',
      as: 'patient',
      url: () => `/api/quotes/${id('quote')}/accept`,
      status: 200,
      expected: () => [entry('update', 'quote', id('quote'))],
    },
    {
      route: 'POST /api/quotes',
      as: 'admin',
      url: () => '/api/quotes',
      status: 201,
      payload: () => consultation,
      expected: (b) => [entry('create', 'quote', b.id)],
      keep: (b) => (ids.declinedQuote = b.id),
    },
    {
      route: 'POST /api/quotes/:id/decline',
      as: 'patient',
      url: () => `/api/quotes/${id('declinedQuote')}/decline`,
      status: 200,
      expected: () => [entry('update', 'quote', id('declinedQuote'))],
    },
    {
      route: 'POST /api/quotes',
      as: 'reception',
      url: () => '/api/quotes',
      status: 201,
      payload: () => consultation,
      expected: (b) => [entry('create', 'quote', b.id)],
      keep: (b) => (ids.withdrawnQuote = b.id),
    },
    {
      route: 'POST /api/quotes/:id/withdraw',
      as: 'reception',
      url: () => `/api/quotes/${id('withdrawnQuote')}/withdraw`,
      status: 200,
      expected: () => [entry('update', 'quote', id('withdrawnQuote'))],
    },

    // The deposit, invoiced and paid; then the course's invoice, the deposit deducted, and a credit note.
    {
      route: 'POST /api/invoices',
      as: 'reception',
      url: () => '/api/invoices',
      status: 201,
      payload: () => ({ patientId: paula, quoteId: id('quote'), kind: 'deposit' }),
      expected: (b) => {
        expect(b.totals.totalMinor).toBe(10_000);
        return [entry('create', 'invoice', b.id)];
      },
      keep: (b) => (ids.depositInvoice = b.id),
    },
    {
      route: 'POST /api/invoices/:id/payments',
      as: 'reception',
      url: () => `/api/invoices/${id('depositInvoice')}/payments`,
      status: 201,
      payload: () => ({ amountMinor: 10_000, method: 'card', reference: 'Terminal slip 12' }),
      expected: (b) => [entry('create', 'payment', b.id), entry('update', 'invoice', id('depositInvoice'))],
      keep: (b) => (ids.payment = b.id),
    },
    {
      route: 'POST /api/invoices',
      as: 'admin',
      url: () => '/api/invoices',
      status: 201,
      payload: () => ({ patientId: paula, quoteId: id('quote') }),
      expected: (b) => {
        expect(b.lines.at(-1).totalMinor).toBe(-10_000);
        return [entry('create', 'invoice', b.id)];
      },
      keep: (b) => (ids.invoice = b.id),
    },
    {
      route: 'POST /api/invoices/:id/credit-notes',
      as: 'reception',
      url: () => `/api/invoices/${id('invoice')}/credit-notes`,
      status: 201,
      payload: () => ({ amountMinor: 1_000, reason: 'The first session started late' }),
      expected: (b) => [entry('create', 'credit_note', b.id), entry('update', 'invoice', id('invoice'))],
      keep: (b) => (ids.creditNote = b.id),
    },
    {
      route: 'GET /api/invoices',
      as: 'patient',
      url: () => '/api/invoices',
      status: 200,
      expected: (b) => reads('invoice', b.items),
    },
    {
      route: 'GET /api/invoices/:id',
      as: 'reception',
      url: () => `/api/invoices/${id('depositInvoice')}`,
      status: 200,
      expected: () => [entry('read', 'invoice', id('depositInvoice')), entry('read', 'payment', id('payment'))],
    },
    {
      route: 'GET /api/invoices/:id',
      as: 'patient',
      url: () => `/api/invoices/${id('invoice')}`,
      status: 200,
      expected: () => [entry('read', 'invoice', id('invoice')), entry('read', 'credit_note', id('creditNote'))],
    },
    {
      route: 'GET /api/invoices/:id/pdf',
      as: 'patient',
      url: () => `/api/invoices/${id('invoice')}/pdf`,
      status: 200,
      expected: () => [entry('read', 'invoice', id('invoice'))],
    },
    {
      route: 'GET /api/credit-notes/:id/pdf',
      as: 'patient',
      url: () => `/api/credit-notes/${id('creditNote')}/pdf?lang=tr`,
      status: 200,
      expected: () => [entry('read', 'credit_note', id('creditNote'))],
    },

    // The books, which name every patient in them.
    {
      route: 'GET /api/money/takings',
      as: 'reception',
      url: () => '/api/money/takings',
      status: 200,
      expected: () => [entry('read', 'payment', id('payment'))],
    },
    {
      route: 'GET /api/money/owed',
      as: 'reception',
      url: () => '/api/money/owed',
      status: 200,
      expected: () => [entry('read', 'invoice', id('invoice'))],
    },
    {
      route: 'GET /api/money/export.csv',
      as: 'admin',
      url: () => '/api/money/export.csv',
      status: 200,
      expected: () => [
        entry('read', 'invoice', id('depositInvoice')),
        entry('read', 'invoice', id('invoice')),
        entry('read', 'credit_note', id('creditNote')),
        entry('read', 'payment', id('payment')),
      ],
    },
  ];
}
