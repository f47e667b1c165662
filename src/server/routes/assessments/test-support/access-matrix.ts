import type { AccessMatrixRow } from '../../../test-support/access-matrix-row.js';

export const accessMatrix: AccessMatrixRow[] = [
  { method: 'POST', url: '/api/assessments', allowed: ['admin', 'practitioner'] },
  { method: 'GET', url: '/api/assessments/:id', allowed: ['admin', 'practitioner', 'patient'] },
];
