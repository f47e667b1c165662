import { accessRows } from '../../../test-support/access-matrix-row.js';

export const accessMatrix = accessRows({
  clinicians: ['GET /api/flags'],
  admins: ['POST /api/flags/rescreen'],
});
