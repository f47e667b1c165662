import type { AccessMatrixRow } from '../../../test-support/access-matrix-row.js';

const staff = ['admin', 'practitioner', 'reception'] as const;

export const accessMatrix: AccessMatrixRow[] = [
  { method: 'GET', url: '/api/calendar', allowed: staff },
  { method: 'GET', url: '/api/sessions/:id/reschedule-preview', allowed: staff },
];
