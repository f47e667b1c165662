import { accessRows } from '../../../test-support/access-matrix-row.js';

export const accessMatrix = accessRows({
  // Stock (levels, expiry and counts) is the clinicians' to keep, like the catalogue.
  clinicians: [
    'POST /api/products',
    'GET /api/products',
    'GET /api/products/:id',
    'PATCH /api/products/:id',
    'POST /api/products/:id/lots',
    'GET /api/stock/low-stock',
    'GET /api/stock/expiring',
    'POST /api/lots/:id/counts',
    'GET /api/lots/:id/counts',
  ],
  admins: ['POST /api/lots/:id/recall'],
  // Reception phones the patients of a recall: contact details only, nothing clinical.
  staff: ['GET /api/lots/:id/recall'],
});
