import { accessRows } from '../../../test-support/access-matrix-row.js';

export const accessMatrix = accessRows({
  // With ?audit=true only admins get through (checked in the handler, past the guard).
  clinicians: ['GET /api/patients/:id/fhir', 'POST /api/fhir/import'],
  admins: ['GET /api/fhir/export'],
});
