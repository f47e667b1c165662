import type { AccessMatrixRow } from '../../../test-support/access-matrix-row.js';

const clinicians = ['admin', 'practitioner'] as const;

export const accessMatrix: AccessMatrixRow[] = [
  { method: 'POST', url: '/api/products', allowed: clinicians },
  { method: 'GET', url: '/api/products', allowed: clinicians },
  { method: 'GET', url: '/api/products/:id', allowed: clinicians },
  { method: 'PATCH', url: '/api/products/:id', allowed: clinicians },
  { method: 'POST', url: '/api/products/:id/lots', allowed: clinicians },
  { method: 'POST', url: '/api/lots/:id/recall', allowed: ['admin'] },
  // Reception phones the patients of a recall: contact details only, nothing clinical.
  { method: 'GET', url: '/api/lots/:id/recall', allowed: ['admin', 'practitioner', 'reception'] },
  // Stock is the clinicians' to keep: levels, expiry and counts.
  { method: 'GET', url: '/api/stock/low-stock', allowed: clinicians },
  { method: 'GET', url: '/api/stock/expiring', allowed: clinicians },
  { method: 'POST', url: '/api/lots/:id/counts', allowed: clinicians },
  { method: 'GET', url: '/api/lots/:id/counts', allowed: clinicians },
];
