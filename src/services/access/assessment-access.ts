import type { AssessmentRecord, UserRecord } from '../../core/records/index.js';
import type { Repositories } from '../../storage/repositories/repositories.js';
import { notFound } from '../domain-errors.js';
import { patientOfRecord } from './patient-access.js';

/** A stored assessment if the user may see its patient; otherwise "assessment not found". */
export async function loadAccessibleAssessment(
  repos: Repositories,
  user: UserRecord,
  assessmentId: string,
): Promise<AssessmentRecord & { patientId: string }> {
  const assessment = await repos.assessments.findById(assessmentId);
  // Ad-hoc assessments belong to no patient and are never stored, so every stored one has a patient.
  const patientId = assessment?.patientId;
  if (!assessment || !patientId) throw notFound('assessment');
  await patientOfRecord(repos, user, { id: assessment.id, patientId }, 'assessment');
  return { ...assessment, patientId };
}
