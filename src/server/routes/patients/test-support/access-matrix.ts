import type { AccessMatrixRow } from '../../../test-support/access-matrix-row.js';

const staff = ['admin', 'practitioner', 'reception'] as const;

export const accessMatrix: AccessMatrixRow[] = [
  { method: 'GET', url: '/api/patients', allowed: staff },
  { method: 'POST', url: '/api/patients', allowed: staff },
  { method: 'GET', url: '/api/patients/duplicates', allowed: staff },
  { method: 'GET', url: '/api/patients/:id', allowed: ['admin', 'practitioner', 'reception', 'patient'] },
  { method: 'PATCH', url: '/api/patients/:id', allowed: staff },
  { method: 'DELETE', url: '/api/patients/:id', allowed: ['admin'] },
  { method: 'GET', url: '/api/patients/:id/history', allowed: staff },
  { method: 'POST', url: '/api/patients/:id/deactivate', allowed: staff },
  { method: 'POST', url: '/api/patients/:id/reactivate', allowed: staff },
  { method: 'GET', url: '/api/patients/:id/merges', allowed: staff },
  { method: 'POST', url: '/api/patients/:id/merges', allowed: ['admin'] },
  { method: 'POST', url: '/api/patients/:id/merges/:mergeId/reversal', allowed: ['admin'] },
];
