import { accessRows } from '../../../test-support/access-matrix-row.js';

export const accessMatrix = accessRows({
  staff: ['GET /api/prices'],
  admins: ['POST /api/prices', 'PATCH /api/prices/:id', 'PUT /api/money/billing-details'],
  bookkeepers: [
    'POST /api/quotes',
    'POST /api/quotes/:id/withdraw',
    'POST /api/invoices',
    'PATCH /api/invoices/:id',
    'PUT /api/invoices/:id',
    'DELETE /api/invoices/:id',
    'POST /api/invoices/:id/payments',
    'POST /api/invoices/:id/credit-notes',
    'GET /api/money/takings',
    'GET /api/money/owed',
    'GET /api/money/export.csv',
    'GET /api/money/billing-details',
  ],
  // A patient sees their own quotes and invoices (the portal); a practitioner reads prices and quotes only.
  signedIn: ['GET /api/quotes', 'GET /api/quotes/:id'],
  bookkeepersAndPatient: [
    'POST /api/quotes/:id/accept',
    'POST /api/quotes/:id/decline',
    'GET /api/invoices',
    'GET /api/invoices/:id',
    'GET /api/invoices/:id/pdf',
    'GET /api/credit-notes/:id/pdf',
  ],
});
