import type { AccessMatrixRow } from '../../../test-support/access-matrix-row.js';

export const accessMatrix: AccessMatrixRow[] = [
  { method: 'POST', url: '/api/patients/:id/photos', allowed: ['admin', 'practitioner'] },
  { method: 'GET', url: '/api/patients/:id/photos', allowed: ['admin', 'practitioner', 'patient'] },
  { method: 'GET', url: '/api/photos/:id', allowed: ['admin', 'practitioner', 'patient'] },
  { method: 'DELETE', url: '/api/photos/:id', allowed: ['admin', 'practitioner'] },
];
