import { accessRows } from '../../../test-support/access-matrix-row.js';

export const accessMatrix = accessRows({
  admins: [
    'POST /api/consent-texts/:procedure/versions',
    'GET /api/consent-text-versions',
    'DELETE /api/consent-text-versions/:id',
  ],
  signedIn: [
    'GET /api/consent-texts',
    'GET /api/consent-texts/:procedure',
    'GET /api/consent-texts/:procedure/versions',
  ],
  // Reception handles no consent: a signature belongs to the patient's clinical record.
  cliniciansAndPatient: ['POST /api/patients/:id/consents', 'GET /api/patients/:id/consents'],
});
