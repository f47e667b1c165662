import type { AccessMatrixRow } from '../../../test-support/access-matrix-row.js';

export const accessMatrix: AccessMatrixRow[] = [
  { method: 'GET', url: '/api/locations/:id/availability', allowed: ['admin', 'practitioner', 'reception'] },
  { method: 'PUT', url: '/api/locations/:id/opening-hours', allowed: ['admin'] },
  { method: 'PUT', url: '/api/locations/:id/practitioners/:practitionerId/hours', allowed: ['admin', 'practitioner'] },
  {
    method: 'DELETE',
    url: '/api/locations/:id/practitioners/:practitionerId/hours',
    allowed: ['admin', 'practitioner'],
  },
  { method: 'POST', url: '/api/locations/:id/exceptions', allowed: ['admin', 'practitioner'] },
  { method: 'DELETE', url: '/api/availability-exceptions/:id', allowed: ['admin', 'practitioner'] },
];
