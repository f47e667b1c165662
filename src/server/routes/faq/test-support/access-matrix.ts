import { accessRows } from '../../../test-support/access-matrix-row.js';

export const accessMatrix = accessRows({
  signedIn: ['GET /api/faq'],
});
