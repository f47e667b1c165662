import { accessRows } from '../../../test-support/access-matrix-row.js';

export const accessMatrix = accessRows({
  clinicians: ['POST /api/patients/:id/intakes'],
  cliniciansAndPatient: ['GET /api/patients/:id/intakes'],
});
