import type { AccessMatrixRow } from '../../../test-support/access-matrix-row.js';

export const accessMatrix: AccessMatrixRow[] = [
  { method: 'POST', url: '/api/patients/:id/courses', allowed: ['admin', 'practitioner'] },
  { method: 'GET', url: '/api/patients/:id/courses', allowed: ['admin', 'practitioner', 'patient'] },
  { method: 'GET', url: '/api/courses/:id', allowed: ['admin', 'practitioner', 'patient'] },
  { method: 'PATCH', url: '/api/courses/:id', allowed: ['admin', 'practitioner'] },
];
