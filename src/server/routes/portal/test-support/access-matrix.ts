import type { AccessMatrixRow } from '../../../test-support/access-matrix-row.js';

export const accessMatrix: AccessMatrixRow[] = [
  { method: 'GET', url: '/api/portal/plan', allowed: ['patient'] },
  { method: 'POST', url: '/api/portal/intakes', allowed: ['patient'] },
  { method: 'POST', url: '/api/portal/course-proposals', allowed: ['patient'] },
  { method: 'POST', url: '/api/portal/bookings', allowed: ['patient'] },
  { method: 'GET', url: '/api/portal/sessions/:id/move-options', allowed: ['patient'] },
  { method: 'POST', url: '/api/portal/sessions/:id/reschedule', allowed: ['patient'] },
  { method: 'POST', url: '/api/portal/sessions/:id/cancel', allowed: ['patient'] },
  { method: 'POST', url: '/api/portal/consultation-requests', allowed: ['patient'] },
  { method: 'GET', url: '/api/portal/consultation-requests', allowed: ['patient'] },
  { method: 'GET', url: '/api/consultation-requests', allowed: ['admin', 'practitioner', 'reception'] },
  { method: 'POST', url: '/api/consultation-requests/:id/handled', allowed: ['admin', 'practitioner', 'reception'] },
  { method: 'GET', url: '/api/clinics/:id/portal-settings', allowed: ['admin'] },
  { method: 'PUT', url: '/api/clinics/:id/portal-settings', allowed: ['admin'] },
];
