import { accessRows } from '../../../test-support/access-matrix-row.js';

export const accessMatrix = accessRows({
  staff: [
    'GET /api/patients',
    'POST /api/patients',
    'GET /api/patients/duplicates',
    'PATCH /api/patients/:id',
    'GET /api/patients/:id/history',
    'POST /api/patients/:id/deactivate',
    'POST /api/patients/:id/reactivate',
    'GET /api/patients/:id/merges',
  ],
  signedIn: ['GET /api/patients/:id'],
  admins: [
    'DELETE /api/patients/:id',
    'POST /api/patients/:id/merges',
    'POST /api/patients/:id/merges/:mergeId/reversal',
  ],
});
