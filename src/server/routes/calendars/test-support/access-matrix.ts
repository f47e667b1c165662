import { accessRows } from '../../../test-support/access-matrix-row.js';

export const accessMatrix = accessRows({
  staff: ['GET /api/practitioners/:id/calendar.ics'],
  signedIn: ['GET /api/courses/:id/calendar.ics'],
  cliniciansAndPatient: ['GET /api/calendar-feed', 'POST /api/calendar-feed', 'DELETE /api/calendar-feed'],
  everyone: ['GET /api/calendar-feeds/:token.ics'],
});
