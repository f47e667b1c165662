import type { AccessMatrixRow } from '../../../test-support/access-matrix-row.js';

const clinicalOrOwn = ['admin', 'practitioner', 'patient'] as const;

export const accessMatrix: AccessMatrixRow[] = [
  // Reception records what a patient phones in; it reads no report back.
  { method: 'POST', url: '/api/sessions/:id/side-effects', allowed: [...clinicalOrOwn, 'reception'] },
  { method: 'GET', url: '/api/sessions/:id/side-effects', allowed: clinicalOrOwn },
  { method: 'GET', url: '/api/side-effects/:id', allowed: clinicalOrOwn },
  { method: 'GET', url: '/api/side-effects', allowed: ['admin', 'practitioner'] },
  { method: 'POST', url: '/api/side-effects/:id/photos', allowed: clinicalOrOwn },
  { method: 'GET', url: '/api/side-effects/:id/photos/:photoId', allowed: clinicalOrOwn },
  { method: 'DELETE', url: '/api/side-effects/:id/photos/:photoId', allowed: clinicalOrOwn },
];
