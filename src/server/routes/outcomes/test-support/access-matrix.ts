import { accessRows, callerGroups } from '../../../test-support/access-matrix-row.js';

export const accessMatrix = accessRows(
  {
    // Standard outcome measures: clinicians record and read any course of the clinic; a patient only their
    // own courses and their own ratings (checked in the handler). Reception sees nothing clinical.
    cliniciansAndPatient: [
      'GET /api/outcome-measures',
      'POST /api/courses/:id/outcome-measures',
      'GET /api/courses/:id/outcome-measures',
    ],
    // The clinic's results: counts only, for clinicians.
    clinicians: ['GET /api/outcome-results'],
  },
  // Every role passes the guard; which fields each may set is checked in the handler. A rating the
  // patient gave is theirs: staff may pass one on at the desk, never change the patient's own.
  {
    method: 'PUT',
    url: '/api/sessions/:id/outcome',
    allowed: callerGroups.signedIn,
    patientOwned: { id: 'session', field: 'patientRating', value: 2, refused: callerGroups.staff },
  },
  // The practitioner's notes are for clinicians: the patient sees the ratings of their session, not the notes.
  {
    method: 'GET',
    url: '/api/sessions/:id/outcome',
    allowed: callerGroups.cliniciansAndPatient,
    withheld: { id: 'session', fields: ['notes'], from: ['patient'] },
  },
  {
    method: 'GET',
    url: '/api/patients/:id/outcomes',
    allowed: callerGroups.cliniciansAndPatient,
    withheld: { id: 'patient', fields: ['outcomes[].notes'], from: ['patient'] },
  },
);
