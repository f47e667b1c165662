import type { AccessMatrixRow } from '../../../test-support/access-matrix-row.js';

const bookkeepers = ['admin', 'reception'] as const;
// A patient sees their own quotes and invoices (the portal); a practitioner reads prices and quotes only.
const invoiceReaders = ['admin', 'reception', 'patient'] as const;
const quoteReaders = ['admin', 'practitioner', 'reception', 'patient'] as const;

export const accessMatrix: AccessMatrixRow[] = [
  { method: 'GET', url: '/api/prices', allowed: ['admin', 'practitioner', 'reception'] },
  { method: 'POST', url: '/api/prices', allowed: ['admin'] },
  { method: 'PATCH', url: '/api/prices/:id', allowed: ['admin'] },
  { method: 'POST', url: '/api/quotes', allowed: bookkeepers },
  { method: 'GET', url: '/api/quotes', allowed: quoteReaders },
  { method: 'GET', url: '/api/quotes/:id', allowed: quoteReaders },
  { method: 'POST', url: '/api/quotes/:id/accept', allowed: invoiceReaders },
  { method: 'POST', url: '/api/quotes/:id/decline', allowed: invoiceReaders },
  { method: 'POST', url: '/api/quotes/:id/withdraw', allowed: bookkeepers },
  { method: 'POST', url: '/api/invoices', allowed: bookkeepers },
  { method: 'GET', url: '/api/invoices', allowed: invoiceReaders },
  { method: 'GET', url: '/api/invoices/:id', allowed: invoiceReaders },
  { method: 'PATCH', url: '/api/invoices/:id', allowed: bookkeepers },
  { method: 'PUT', url: '/api/invoices/:id', allowed: bookkeepers },
  { method: 'DELETE', url: '/api/invoices/:id', allowed: bookkeepers },
  { method: 'GET', url: '/api/invoices/:id/pdf', allowed: invoiceReaders },
  { method: 'POST', url: '/api/invoices/:id/payments', allowed: bookkeepers },
  { method: 'POST', url: '/api/invoices/:id/credit-notes', allowed: bookkeepers },
  { method: 'GET', url: '/api/credit-notes/:id/pdf', allowed: invoiceReaders },
  { method: 'GET', url: '/api/money/takings', allowed: bookkeepers },
  { method: 'GET', url: '/api/money/owed', allowed: bookkeepers },
  { method: 'GET', url: '/api/money/export.csv', allowed: bookkeepers },
  { method: 'GET', url: '/api/money/billing-details', allowed: bookkeepers },
  { method: 'PUT', url: '/api/money/billing-details', allowed: ['admin'] },
];
