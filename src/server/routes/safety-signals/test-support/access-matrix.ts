import { accessRows } from '../../../test-support/access-matrix-row.js';

export const accessMatrix = accessRows({
  // Clinicians see signals (with the patients to contact); admins act on them and run detection.
  clinicians: ['GET /api/safety-signals', 'GET /api/safety-signals/:id'],
  admins: [
    'POST /api/safety-signals/:id/acknowledge',
    'POST /api/safety-signals/:id/close',
    'POST /api/safety-signals/run',
  ],
});
