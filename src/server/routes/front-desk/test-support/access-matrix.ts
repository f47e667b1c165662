import { accessRows } from '../../../test-support/access-matrix-row.js';

export const accessMatrix = accessRows({
  staff: [
    'POST /api/sessions/:id/check-in',
    'DELETE /api/sessions/:id/check-in',
    'GET /api/front-desk/arrivals',
    'GET /api/waiting-list',
    'POST /api/waiting-list',
    'DELETE /api/waiting-list/:id',
    'GET /api/waiting-list/openings',
    'GET /api/waiting-list/openings/:id/candidates',
    'POST /api/waiting-list/:id/booking',
  ],
});
