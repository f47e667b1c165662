import { accessRows } from '../../../test-support/access-matrix-row.js';

export const accessMatrix = accessRows({
  clinicians: ['POST /api/assessments'],
  cliniciansAndPatient: ['GET /api/assessments/:id'],
});
