import { accessRows } from '../../../test-support/access-matrix-row.js';

export const accessMatrix = accessRows({
  // Signing in, and asking whether one is signed in, come before any session.
  everyone: ['POST /api/auth/login', 'GET /api/auth/session'],
  signedIn: [
    'POST /api/auth/logout',
    'GET /api/auth/me',
    'PATCH /api/auth/me',
    'GET /api/auth/csrf',
    'POST /api/auth/password',
  ],
});
