import { accessRows } from '../../../test-support/access-matrix-row.js';

export const accessMatrix = accessRows({
  staff: ['POST /api/courses/:id/sessions', 'GET /api/sessions', 'PATCH /api/sessions/:id'],
  signedIn: ['GET /api/courses/:id/sessions', 'GET /api/patients/:id/sessions', 'GET /api/sessions/:id'],
});
