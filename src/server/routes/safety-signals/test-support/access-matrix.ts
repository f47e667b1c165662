import type { AccessMatrixRow } from '../../../test-support/access-matrix-row.js';

const clinicians = ['admin', 'practitioner'] as const;

export const accessMatrix: AccessMatrixRow[] = [
  // Clinicians see signals (with the patients to contact); admins act on them and run detection.
  { method: 'GET', url: '/api/safety-signals', allowed: clinicians },
  { method: 'GET', url: '/api/safety-signals/:id', allowed: clinicians },
  { method: 'POST', url: '/api/safety-signals/:id/acknowledge', allowed: ['admin'] },
  { method: 'POST', url: '/api/safety-signals/:id/close', allowed: ['admin'] },
  { method: 'POST', url: '/api/safety-signals/run', allowed: ['admin'] },
];
