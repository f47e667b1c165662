import type { AccessMatrixRow } from '../../../test-support/access-matrix-row.js';

export const accessMatrix: AccessMatrixRow[] = [
  { method: 'POST', url: '/api/patients/:id/intakes', allowed: ['admin', 'practitioner'] },
  { method: 'GET', url: '/api/patients/:id/intakes', allowed: ['admin', 'practitioner', 'patient'] },
];
