import type { AccessMatrixRow } from '../../../test-support/access-matrix-row.js';

export const accessMatrix: AccessMatrixRow[] = [
  { method: 'POST', url: '/api/courses/:id/sessions', allowed: ['admin', 'practitioner', 'reception'] },
  { method: 'GET', url: '/api/courses/:id/sessions', allowed: ['admin', 'practitioner', 'reception', 'patient'] },
  { method: 'GET', url: '/api/patients/:id/sessions', allowed: ['admin', 'practitioner', 'reception', 'patient'] },
  { method: 'GET', url: '/api/sessions', allowed: ['admin', 'practitioner', 'reception'] },
  { method: 'GET', url: '/api/sessions/:id', allowed: ['admin', 'practitioner', 'reception', 'patient'] },
  { method: 'PATCH', url: '/api/sessions/:id', allowed: ['admin', 'practitioner', 'reception'] },
];
