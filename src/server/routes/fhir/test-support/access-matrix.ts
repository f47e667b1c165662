import type { AccessMatrixRow } from '../../../test-support/access-matrix-row.js';

export const accessMatrix: AccessMatrixRow[] = [
  // With ?audit=true only admins get through (checked in the handler, past the guard).
  { method: 'GET', url: '/api/patients/:id/fhir', allowed: ['admin', 'practitioner'] },
  { method: 'GET', url: '/api/fhir/export', allowed: ['admin'] },
  { method: 'POST', url: '/api/fhir/import', allowed: ['admin', 'practitioner'] },
];
