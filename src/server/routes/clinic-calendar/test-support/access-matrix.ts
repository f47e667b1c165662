import { accessRows } from '../../../test-support/access-matrix-row.js';

export const accessMatrix = accessRows({
  staff: ['GET /api/calendar', 'GET /api/sessions/:id/reschedule-preview'],
});
