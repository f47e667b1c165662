import type { AccessMatrixRow } from '../../../test-support/access-matrix-row.js';

const everyone = ['admin', 'practitioner', 'reception', 'patient', 'anonymous'] as const;

export const accessMatrix: AccessMatrixRow[] = [
  { method: 'GET', url: '/api/users', allowed: ['admin'] },
  { method: 'GET', url: '/api/staff', allowed: ['admin', 'practitioner', 'reception'] },
  { method: 'POST', url: '/api/users', allowed: ['admin'] },
  { method: 'GET', url: '/api/users/:id', allowed: ['admin'] },
  { method: 'PATCH', url: '/api/users/:id', allowed: ['admin'] },
  { method: 'DELETE', url: '/api/users/:id/lockout', allowed: ['admin'] },
  { method: 'POST', url: '/api/invitations', allowed: ['admin'] },
  { method: 'GET', url: '/api/invitations', allowed: ['admin'] },
  { method: 'DELETE', url: '/api/invitations/:id', allowed: ['admin'] },
  // The link's token is the key: anyone holding it may see and accept the invitation.
  { method: 'GET', url: '/api/invite/:token', allowed: everyone },
  { method: 'POST', url: '/api/invite/:token/accept', allowed: everyone },
];
