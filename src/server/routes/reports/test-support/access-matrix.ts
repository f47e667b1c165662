import { accessRows } from '../../../test-support/access-matrix-row.js';

export const accessMatrix = accessRows({
  admins: ['GET /api/reports/:table.csv'],
});
