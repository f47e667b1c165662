import type { AccessMatrixRow } from '../../../test-support/access-matrix-row.js';

export const accessMatrix: AccessMatrixRow[] = [
  { method: 'GET', url: '/api/practitioners/:id/calendar.ics', allowed: ['admin', 'practitioner', 'reception'] },
  { method: 'GET', url: '/api/courses/:id/calendar.ics', allowed: ['admin', 'practitioner', 'reception', 'patient'] },
  { method: 'GET', url: '/api/calendar-feed', allowed: ['admin', 'practitioner', 'patient'] },
  { method: 'POST', url: '/api/calendar-feed', allowed: ['admin', 'practitioner', 'patient'] },
  { method: 'DELETE', url: '/api/calendar-feed', allowed: ['admin', 'practitioner', 'patient'] },
  {
    method: 'GET',
    url: '/api/calendar-feeds/:token.ics',
    allowed: ['anonymous', 'admin', 'practitioner', 'reception', 'patient'],
  },
];
