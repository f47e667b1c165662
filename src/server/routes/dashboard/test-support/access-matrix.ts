import { accessRows } from '../../../test-support/access-matrix-row.js';

export const accessMatrix = accessRows({
  bookkeepers: ['GET /api/dashboard'],
});
