import type { SideEffectReportRecord, TreatmentSessionRecord, UserRecord } from '../../core/records/index.js';
import type { Repositories } from '../../storage/repositories/repositories.js';
import { refusalOfRecord } from './patient-access.js';
import { loadAccessibleSession, loadWritableSession } from './session-access.js';
import { found } from '../found.js';

type ReportWithSession = { report: SideEffectReportRecord; session: TreatmentSessionRecord };

/** The report and its session, its session loaded by `loadSession`; a refusal names the report. */
async function loadReport(
  repos: Repositories,
  user: UserRecord,
  reportId: string,
  loadSession: typeof loadAccessibleSession,
): Promise<ReportWithSession> {
  const report = found(await repos.sideEffects.findReport(reportId), 'side-effect report');
  try {
    return { report, session: await loadSession(repos, user, report.sessionId) };
  } catch (error) {
    throw refusalOfRecord(error, 'side-effect report', report.id);
  }
}

/** The report and its session if the user may see the session's patient; otherwise "side-effect report not found". */
export function loadAccessibleReport(
  repos: Repositories,
  user: UserRecord,
  reportId: string,
): Promise<ReportWithSession> {
  return loadReport(repos, user, reportId, loadAccessibleSession);
}

/** loadAccessibleReport for a write (its photos): refused (409 `patient_merged`) when the patient was merged. */
export function loadWritableReport(
  repos: Repositories,
  user: UserRecord,
  reportId: string,
): Promise<ReportWithSession> {
  return loadReport(repos, user, reportId, loadWritableSession);
}
