import { accessRows } from '../../../test-support/access-matrix-row.js';

export const accessMatrix = accessRows({
  staff: ['GET /api/sessions/:id/messages'],
});
