import type {
  SideEffectReportRecord,
  TreatmentSessionRecord,
  UserRecord,
} from '../../../storage/repositories/records.js';
import type { Repositories } from '../../../storage/repositories/repositories.js';
import { DomainError, notFound } from '../../http-errors.js';
import { loadAccessibleSession } from './session-access.js';

/** The report and its session if the user may see the session's patient; otherwise "not found". */
export async function loadAccessibleReport(
  repos: Repositories,
  user: UserRecord,
  reportId: string,
): Promise<{ report: SideEffectReportRecord; session: TreatmentSessionRecord }> {
  const report = await repos.sideEffects.findReport(reportId);
  if (!report) throw notFound('side-effect report');
  const session = await loadAccessibleSession(repos, user, report.sessionId).catch((error: unknown) => {
    throw error instanceof DomainError ? notFound('side-effect report') : error;
  });
  return { report, session };
}
