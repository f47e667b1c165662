import { accessRows } from '../../../test-support/access-matrix-row.js';

export const accessMatrix = accessRows({
  patientOnly: [
    'GET /api/portal/plan',
    'POST /api/portal/intakes',
    'POST /api/portal/course-proposals',
    'POST /api/portal/bookings',
    'GET /api/portal/sessions/:id/move-options',
    'POST /api/portal/sessions/:id/reschedule',
    'POST /api/portal/sessions/:id/cancel',
    'POST /api/portal/consultation-requests',
    'GET /api/portal/consultation-requests',
  ],
  staff: ['GET /api/consultation-requests', 'POST /api/consultation-requests/:id/handled'],
  admins: ['GET /api/clinics/:id/portal-settings', 'PUT /api/clinics/:id/portal-settings'],
});
