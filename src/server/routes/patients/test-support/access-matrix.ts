import type { AccessMatrixRow } from '../../../test-support/access-matrix-row.js';

export const accessMatrix: AccessMatrixRow[] = [
  { method: 'GET', url: '/api/patients', allowed: ['admin', 'practitioner', 'reception'] },
  { method: 'POST', url: '/api/patients', allowed: ['admin', 'practitioner', 'reception'] },
  { method: 'GET', url: '/api/patients/:id', allowed: ['admin', 'practitioner', 'reception', 'patient'] },
  { method: 'PATCH', url: '/api/patients/:id', allowed: ['admin', 'practitioner', 'reception'] },
  { method: 'DELETE', url: '/api/patients/:id', allowed: ['admin'] },
];
