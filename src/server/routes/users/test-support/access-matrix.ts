import type { AccessMatrixRow } from '../../../test-support/access-matrix-row.js';

export const accessMatrix: AccessMatrixRow[] = [
  { method: 'GET', url: '/api/users', allowed: ['admin'] },
  { method: 'GET', url: '/api/staff', allowed: ['admin', 'practitioner', 'reception'] },
  { method: 'POST', url: '/api/users', allowed: ['admin'] },
  { method: 'GET', url: '/api/users/:id', allowed: ['admin'] },
  { method: 'PATCH', url: '/api/users/:id', allowed: ['admin'] },
  { method: 'DELETE', url: '/api/users/:id/lockout', allowed: ['admin'] },
];
