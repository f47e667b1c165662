import { accessRows } from '../../../test-support/access-matrix-row.js';

export const accessMatrix = accessRows({
  staff: [
    'POST /api/courses/:id/course-proposals',
    'POST /api/scheduling/course-proposals',
    'POST /api/courses/:id/bookings',
    'POST /api/sessions/:id/reschedule',
    'POST /api/sessions/:id/cancel',
    'POST /api/sessions/:id/no-show',
    'GET /api/maintenance-recalls',
  ],
  clinicians: ['POST /api/courses/:id/maintenance-recall'],
  signedIn: ['GET /api/patients/:id/maintenance-recalls'],
});
