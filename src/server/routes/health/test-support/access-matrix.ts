import { accessRows } from '../../../test-support/access-matrix-row.js';

export const accessMatrix = accessRows({
  everyone: ['GET /api/health'],
});
