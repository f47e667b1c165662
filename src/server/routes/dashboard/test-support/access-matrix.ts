import type { AccessMatrixRow } from '../../../test-support/access-matrix-row.js';

export const accessMatrix: AccessMatrixRow[] = [
  { method: 'GET', url: '/api/dashboard', allowed: ['admin', 'reception'] },
];
