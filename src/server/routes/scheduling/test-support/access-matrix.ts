import type { AccessMatrixRow } from '../../../test-support/access-matrix-row.js';

const staff = ['admin', 'practitioner', 'reception'] as const;

export const accessMatrix: AccessMatrixRow[] = [
  { method: 'POST', url: '/api/courses/:id/course-proposals', allowed: staff },
  { method: 'POST', url: '/api/scheduling/course-proposals', allowed: staff },
  { method: 'POST', url: '/api/courses/:id/bookings', allowed: staff },
  { method: 'POST', url: '/api/sessions/:id/reschedule', allowed: staff },
  { method: 'POST', url: '/api/sessions/:id/cancel', allowed: staff },
  { method: 'POST', url: '/api/sessions/:id/no-show', allowed: staff },
  { method: 'POST', url: '/api/courses/:id/maintenance-recall', allowed: ['admin', 'practitioner'] },
  {
    method: 'GET',
    url: '/api/patients/:id/maintenance-recalls',
    allowed: ['admin', 'practitioner', 'reception', 'patient'],
  },
  { method: 'GET', url: '/api/maintenance-recalls', allowed: staff },
];
