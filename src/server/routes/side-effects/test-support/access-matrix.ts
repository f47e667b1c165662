import { accessRows } from '../../../test-support/access-matrix-row.js';

export const accessMatrix = accessRows({
  // Reception records what a patient phones in; it reads no report back.
  signedIn: ['POST /api/sessions/:id/side-effects'],
  cliniciansAndPatient: [
    'GET /api/sessions/:id/side-effects',
    'GET /api/side-effects/:id',
    'POST /api/side-effects/:id/photos',
    'GET /api/side-effects/:id/photos/:photoId',
    'DELETE /api/side-effects/:id/photos/:photoId',
  ],
  clinicians: ['GET /api/side-effects'],
});
