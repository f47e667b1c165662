import { accessRows } from '../../../test-support/access-matrix-row.js';

export const accessMatrix = accessRows({
  admins: ['GET /api/audit', 'GET /api/audit/denied', 'GET /api/audit/export.csv'],
});
