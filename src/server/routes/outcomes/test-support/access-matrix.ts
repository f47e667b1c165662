import type { AccessMatrixRow } from '../../../test-support/access-matrix-row.js';

export const accessMatrix: AccessMatrixRow[] = [
  // Every role passes the guard; which fields each may set is checked in the handler. A rating the
  // patient gave is theirs: staff may pass one on at the desk, never change the patient's own.
  {
    method: 'PUT',
    url: '/api/sessions/:id/outcome',
    allowed: ['admin', 'practitioner', 'reception', 'patient'],
    patientOwned: { id: 'session', field: 'patientRating', value: 2, refused: ['admin', 'practitioner', 'reception'] },
  },
  // The practitioner's notes are for clinicians: the patient sees the ratings of their session, not the notes.
  {
    method: 'GET',
    url: '/api/sessions/:id/outcome',
    allowed: ['admin', 'practitioner', 'patient'],
    withheld: { id: 'session', fields: ['notes'], from: ['patient'] },
  },
  {
    method: 'GET',
    url: '/api/patients/:id/outcomes',
    allowed: ['admin', 'practitioner', 'patient'],
    withheld: { id: 'patient', fields: ['outcomes[].notes'], from: ['patient'] },
  },
  // Standard outcome measures: clinicians record and read any course of the clinic; a patient only their
  // own courses and their own ratings (checked in the handler). Reception sees nothing clinical.
  { method: 'GET', url: '/api/outcome-measures', allowed: ['admin', 'practitioner', 'patient'] },
  { method: 'POST', url: '/api/courses/:id/outcome-measures', allowed: ['admin', 'practitioner', 'patient'] },
  { method: 'GET', url: '/api/courses/:id/outcome-measures', allowed: ['admin', 'practitioner', 'patient'] },
  // The clinic's results: counts only, for clinicians.
  { method: 'GET', url: '/api/outcome-results', allowed: ['admin', 'practitioner'] },
];
