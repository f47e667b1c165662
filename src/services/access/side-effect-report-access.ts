import type { SideEffectReportRecord, TreatmentSessionRecord, UserRecord } from '../../core/records/index.js';
import type { Repositories } from '../../storage/repositories/repositories.js';
import { refusalOfRecord } from './patient-access.js';
import { loadAccessibleSession } from './session-access.js';
import { found } from '../found.js';

/** The report and its session if the user may see the session's patient; otherwise "side-effect report not found". */
export async function loadAccessibleReport(
  repos: Repositories,
  user: UserRecord,
  reportId: string,
): Promise<{ report: SideEffectReportRecord; session: TreatmentSessionRecord }> {
  const report = found(await repos.sideEffects.findReport(reportId), 'side-effect report');
  try {
    return { report, session: await loadAccessibleSession(repos, user, report.sessionId) };
  } catch (error) {
    throw refusalOfRecord(error, 'side-effect report', report.id);
  }
}
