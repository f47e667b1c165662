import type { AccessMatrixRow } from '../../../test-support/access-matrix-row.js';

export const accessMatrix: AccessMatrixRow[] = [
  // Every role passes the guard; which fields each may set is checked in the handler.
  { method: 'PUT', url: '/api/sessions/:id/outcome', allowed: ['admin', 'practitioner', 'reception', 'patient'] },
  { method: 'GET', url: '/api/sessions/:id/outcome', allowed: ['admin', 'practitioner', 'patient'] },
  { method: 'GET', url: '/api/patients/:id/outcomes', allowed: ['admin', 'practitioner', 'patient'] },
];
