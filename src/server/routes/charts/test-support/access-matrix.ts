import { accessRows, callerGroups } from '../../../test-support/access-matrix-row.js';

export const accessMatrix = accessRows(
  {
    // The screening picture (treatment check) is for the clinician at the chair.
    clinicians: [
      'POST /api/sessions/:id/chart',
      'POST /api/sessions/:id/chart/addenda',
      'GET /api/sessions/:id/treatment-check',
    ],
  },
  // Reception sees schedules, never clinical notes; the patient sees what was done, not the clinicians' notes.
  {
    method: 'GET',
    url: '/api/sessions/:id/chart',
    allowed: callerGroups.cliniciansAndPatient,
    withheld: { id: 'session', fields: ['notes', 'addenda'], from: ['patient'] },
  },
);
