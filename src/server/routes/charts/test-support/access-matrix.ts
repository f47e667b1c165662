import type { AccessMatrixRow } from '../../../test-support/access-matrix-row.js';

export const accessMatrix: AccessMatrixRow[] = [
  { method: 'POST', url: '/api/sessions/:id/chart', allowed: ['admin', 'practitioner'] },
  // Reception sees schedules, never clinical notes; the patient sees what was done, not the clinicians' notes.
  {
    method: 'GET',
    url: '/api/sessions/:id/chart',
    allowed: ['admin', 'practitioner', 'patient'],
    withheld: { id: 'session', fields: ['notes', 'addenda'], from: ['patient'] },
  },
  { method: 'POST', url: '/api/sessions/:id/chart/addenda', allowed: ['admin', 'practitioner'] },
  // The screening picture is for the clinician at the chair.
  { method: 'GET', url: '/api/sessions/:id/treatment-check', allowed: ['admin', 'practitioner'] },
];
