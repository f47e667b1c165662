import type { AccessMatrixRow } from '../../../test-support/access-matrix-row.js';

const staff = ['admin', 'practitioner', 'reception'] as const;

export const accessMatrix: AccessMatrixRow[] = [
  { method: 'POST', url: '/api/sessions/:id/check-in', allowed: staff },
  { method: 'DELETE', url: '/api/sessions/:id/check-in', allowed: staff },
  { method: 'GET', url: '/api/front-desk/arrivals', allowed: staff },
  { method: 'GET', url: '/api/waiting-list', allowed: staff },
  { method: 'POST', url: '/api/waiting-list', allowed: staff },
  { method: 'DELETE', url: '/api/waiting-list/:id', allowed: staff },
  { method: 'GET', url: '/api/waiting-list/openings', allowed: staff },
  { method: 'GET', url: '/api/waiting-list/openings/:id/candidates', allowed: staff },
  { method: 'POST', url: '/api/waiting-list/:id/booking', allowed: staff },
];
