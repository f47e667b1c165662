import { accessRows } from '../../../test-support/access-matrix-row.js';

export const accessMatrix = accessRows({
  clinicians: ['POST /api/patients/:id/courses', 'PATCH /api/courses/:id'],
  cliniciansAndPatient: ['GET /api/patients/:id/courses', 'GET /api/courses/:id'],
});
