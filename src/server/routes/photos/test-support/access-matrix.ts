import { accessRows } from '../../../test-support/access-matrix-row.js';

export const accessMatrix = accessRows({
  clinicians: ['POST /api/patients/:id/photos', 'DELETE /api/photos/:id'],
  cliniciansAndPatient: ['GET /api/patients/:id/photos', 'GET /api/photos/:id'],
});
