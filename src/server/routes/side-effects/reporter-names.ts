import type { SideEffectReportRecord } from '../../../core/records/index.js';
import { userNames } from '../../../services/user-names.js';
import type { Repositories } from '../../../storage/repositories/repositories.js';

/** Who recorded each report, by user id: the clinic's users named in `reports`. */
export function reporterNames(
  repos: Repositories,
  clinicId: string,
  reports: readonly SideEffectReportRecord[],
): Promise<Map<string, string>> {
  return userNames(
    repos,
    clinicId,
    reports.map((r) => r.reporterUserId),
  );
}
