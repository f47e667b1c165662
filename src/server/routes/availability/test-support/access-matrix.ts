import { accessRows } from '../../../test-support/access-matrix-row.js';

export const accessMatrix = accessRows({
  staff: ['GET /api/locations/:id/availability'],
  admins: ['PUT /api/locations/:id/opening-hours'],
  clinicians: [
    'PUT /api/locations/:id/practitioners/:practitionerId/hours',
    'DELETE /api/locations/:id/practitioners/:practitionerId/hours',
    'POST /api/locations/:id/exceptions',
    'DELETE /api/availability-exceptions/:id',
  ],
});
