import { accessRows } from '../../../test-support/access-matrix-row.js';

export const accessMatrix = accessRows({
  signedIn: ['GET /api/sessions/:id/aftercare.pdf'],
  cliniciansAndPatient: ['GET /api/consent-signatures/:id/consent.pdf', 'GET /api/courses/:id/summary.pdf'],
});
