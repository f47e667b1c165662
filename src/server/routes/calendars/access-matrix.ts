import type { AccessMatrixRow } from '../../access-matrix-row.js';

export const accessMatrix: AccessMatrixRow[] = [
  { method: 'GET', url: '/api/practitioners/:id/calendar.ics', allowed: ['admin', 'practitioner', 'reception'] },
  { method: 'GET', url: '/api/courses/:id/calendar.ics', allowed: ['admin', 'practitioner', 'reception', 'patient'] },
];
