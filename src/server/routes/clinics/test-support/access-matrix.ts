import type { AccessMatrixRow } from '../../../test-support/access-matrix-row.js';

export const accessMatrix: AccessMatrixRow[] = [
  { method: 'GET', url: '/api/clinics', allowed: ['admin'] },
  { method: 'GET', url: '/api/clinics/:id', allowed: ['admin'] },
  { method: 'PATCH', url: '/api/clinics/:id', allowed: ['admin'] },
  { method: 'GET', url: '/api/clinics/:id/locations', allowed: ['admin', 'practitioner', 'reception'] },
  { method: 'POST', url: '/api/clinics/:id/locations', allowed: ['admin'] },
  { method: 'PATCH', url: '/api/locations/:id', allowed: ['admin'] },
  { method: 'GET', url: '/api/locations/:id/rooms', allowed: ['admin', 'practitioner', 'reception'] },
  { method: 'POST', url: '/api/locations/:id/rooms', allowed: ['admin'] },
  { method: 'PATCH', url: '/api/rooms/:id', allowed: ['admin'] },
  { method: 'GET', url: '/api/clinics/:id/message-templates', allowed: ['admin'] },
  { method: 'PUT', url: '/api/clinics/:id/message-settings', allowed: ['admin'] },
  { method: 'PUT', url: '/api/clinics/:id/message-templates/:kind/:language', allowed: ['admin'] },
  { method: 'DELETE', url: '/api/clinics/:id/message-templates/:kind/:language', allowed: ['admin'] },
  { method: 'POST', url: '/api/clinics/:id/message-preview', allowed: ['admin'] },
  { method: 'GET', url: '/api/clinics/:id/logo', allowed: ['admin', 'practitioner', 'reception', 'patient'] },
  { method: 'PUT', url: '/api/clinics/:id/logo', allowed: ['admin'] },
  { method: 'DELETE', url: '/api/clinics/:id/logo', allowed: ['admin'] },
];
