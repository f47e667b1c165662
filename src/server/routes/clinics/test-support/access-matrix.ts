import { accessRows } from '../../../test-support/access-matrix-row.js';

export const accessMatrix = accessRows({
  admins: [
    'GET /api/clinics',
    'GET /api/clinics/:id',
    'PATCH /api/clinics/:id',
    'POST /api/clinics/:id/locations',
    'PATCH /api/locations/:id',
    'POST /api/locations/:id/rooms',
    'PATCH /api/rooms/:id',
    'GET /api/clinics/:id/message-templates',
    'PUT /api/clinics/:id/message-settings',
    'PUT /api/clinics/:id/message-templates/:kind/:language',
    'DELETE /api/clinics/:id/message-templates/:kind/:language',
    'POST /api/clinics/:id/message-preview',
    'PUT /api/clinics/:id/logo',
    'DELETE /api/clinics/:id/logo',
  ],
  staff: ['GET /api/clinics/:id/locations', 'GET /api/locations/:id/rooms'],
  signedIn: ['GET /api/clinics/:id/logo'],
});
