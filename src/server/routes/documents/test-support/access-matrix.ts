import type { AccessMatrixRow } from '../../../test-support/access-matrix-row.js';

export const accessMatrix: AccessMatrixRow[] = [
  { method: 'GET', url: '/api/sessions/:id/aftercare.pdf', allowed: ['admin', 'practitioner', 'reception', 'patient'] },
  { method: 'GET', url: '/api/consent-signatures/:id/consent.pdf', allowed: ['admin', 'practitioner', 'patient'] },
  { method: 'GET', url: '/api/courses/:id/summary.pdf', allowed: ['admin', 'practitioner', 'patient'] },
];
