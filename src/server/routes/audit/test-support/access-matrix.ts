import type { AccessMatrixRow } from '../../../test-support/access-matrix-row.js';

export const accessMatrix: AccessMatrixRow[] = [
  { method: 'GET', url: '/api/audit', allowed: ['admin'] },
  { method: 'GET', url: '/api/audit/denied', allowed: ['admin'] },
  { method: 'GET', url: '/api/audit/export.csv', allowed: ['admin'] },
];
