import { accessRows } from '../../../test-support/access-matrix-row.js';

export const accessMatrix = accessRows({
  admins: [
    'GET /api/users',
    'POST /api/users',
    'GET /api/users/:id',
    'PATCH /api/users/:id',
    'DELETE /api/users/:id/lockout',
    'POST /api/invitations',
    'GET /api/invitations',
    'DELETE /api/invitations/:id',
  ],
  staff: ['GET /api/staff'],
  // The link's token is the key: anyone holding it may see and accept the invitation.
  everyone: ['GET /api/invite/:token', 'POST /api/invite/:token/accept'],
});
