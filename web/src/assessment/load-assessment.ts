import type { StoredAssessment } from '../api/api-types';
import { api, call } from '../api/client';

/**
 * A stored assessment. The document types its result only in outline; the server stores and
 * returns the core's full result (src/core/assessment/assessment-result.ts), so it is read as that.
 */
export async function loadAssessment(id: string): Promise<StoredAssessment> {
  const stored = await call(api.GET('/api/assessments/{id}', { params: { path: { id } } }));
  return stored as unknown as StoredAssessment;
}
