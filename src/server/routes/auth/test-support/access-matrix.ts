import type { AccessMatrixRow } from '../../../test-support/access-matrix-row.js';

export const accessMatrix: AccessMatrixRow[] = [
  { method: 'POST', url: '/api/auth/login', allowed: ['anonymous', 'admin', 'practitioner', 'reception', 'patient'] },
  { method: 'POST', url: '/api/auth/logout', allowed: ['admin', 'practitioner', 'reception', 'patient'] },
  { method: 'GET', url: '/api/auth/session', allowed: ['anonymous', 'admin', 'practitioner', 'reception', 'patient'] },
  { method: 'GET', url: '/api/auth/me', allowed: ['admin', 'practitioner', 'reception', 'patient'] },
  { method: 'PATCH', url: '/api/auth/me', allowed: ['admin', 'practitioner', 'reception', 'patient'] },
  { method: 'GET', url: '/api/auth/csrf', allowed: ['admin', 'practitioner', 'reception', 'patient'] },
  { method: 'POST', url: '/api/auth/password', allowed: ['admin', 'practitioner', 'reception', 'patient'] },
];
