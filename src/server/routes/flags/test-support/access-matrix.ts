import type { AccessMatrixRow } from '../../../test-support/access-matrix-row.js';

export const accessMatrix: AccessMatrixRow[] = [
  { method: 'GET', url: '/api/flags', allowed: ['admin', 'practitioner'] },
  { method: 'POST', url: '/api/flags/rescreen', allowed: ['admin'] },
];
