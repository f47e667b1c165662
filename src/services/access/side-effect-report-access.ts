import type { SideEffectReportRecord, TreatmentSessionRecord, UserRecord } from '../../core/records/index.js';
import type { Repositories } from '../../storage/repositories/repositories.js';
import { notFound } from '../domain-errors.js';
import { refusalOfRecord } from './patient-access.js';
import { loadAccessibleSession } from './session-access.js';

/** The report and its session if the user may see the session's patient; otherwise "side-effect report not found". */
export async function loadAccessibleReport(
  repos: Repositories,
  user: UserRecord,
  reportId: string,
): Promise<{ report: SideEffectReportRecord; session: TreatmentSessionRecord }> {
  const report = await repos.sideEffects.findReport(reportId);
  if (!report) throw notFound('side-effect report');
  try {
    return { report, session: await loadAccessibleSession(repos, user, report.sessionId) };
  } catch (error) {
    throw refusalOfRecord(error, 'side-effect report', report.id);
  }
}
