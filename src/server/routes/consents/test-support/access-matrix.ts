import type { AccessMatrixRow } from '../../../test-support/access-matrix-row.js';

const everyone = ['admin', 'practitioner', 'reception', 'patient'] as const;
/** Reception handles no consent: a signature belongs to the patient's clinical record. */
const signers = ['admin', 'practitioner', 'patient'] as const;

export const accessMatrix: AccessMatrixRow[] = [
  { method: 'POST', url: '/api/consent-texts/:procedure/versions', allowed: ['admin'] },
  { method: 'GET', url: '/api/consent-texts', allowed: everyone },
  { method: 'GET', url: '/api/consent-texts/:procedure', allowed: everyone },
  { method: 'GET', url: '/api/consent-texts/:procedure/versions', allowed: everyone },
  { method: 'POST', url: '/api/patients/:id/consents', allowed: signers },
  { method: 'GET', url: '/api/patients/:id/consents', allowed: signers },
  { method: 'GET', url: '/api/consent-text-versions', allowed: ['admin'] },
  { method: 'DELETE', url: '/api/consent-text-versions/:id', allowed: ['admin'] },
];
