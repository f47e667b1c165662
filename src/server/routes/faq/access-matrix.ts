import type { AccessMatrixRow } from '../../access-matrix-row.js';

export const accessMatrix: AccessMatrixRow[] = [
  { method: 'GET', url: '/api/faq', allowed: ['admin', 'practitioner', 'reception', 'patient'] },
];
