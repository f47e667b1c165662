import type { ChartAddendumRecord, ChartEntryRecord, UserRecord } from '../../core/records/index.js';
import type { AuditEvent } from '../../storage/repositories/audit-entries.js';
import type { Repositories } from '../../storage/repositories/repositories.js';
import { loadSessionWithPatient, loadWritableSessionWithPatient } from '../access/session-access.js';
import { found } from '../found.js';

/** The chart of a session the user may see (through `load`), and the session's patient; "not found" without one. */
async function loadChart(repos: Repositories, user: UserRecord, sessionId: string, load = loadSessionWithPatient) {
  const { record: session, patient } = await load(repos, user, sessionId);
  return { chart: found(await repos.charts.findBySession(session.id), 'chart'), patient };
}

/** The chart of a session the user may see, with the read to audit; "not found" without one. */
export async function findSessionChart(
  repos: Repositories,
  user: UserRecord,
  sessionId: string,
): Promise<{ chart: ChartEntryRecord; audit: AuditEvent }> {
  const { chart, patient } = await loadChart(repos, user, sessionId);
  return { chart, audit: { action: 'read', entity: 'chart_entry', entityId: chart.id, patientId: patient.id } };
}

/** Adds a later note to a session's chart, inside the caller's transaction; the chart itself never changes. */
export async function addChartAddendum(
  tx: Repositories,
  user: UserRecord,
  sessionId: string,
  text: string,
): Promise<{ addendum: ChartAddendumRecord; audit: AuditEvent }> {
  const { chart, patient } = await loadChart(tx, user, sessionId, loadWritableSessionWithPatient);
  const addendum = await tx.charts.addAddendum({ chartEntryId: chart.id, text, createdBy: user.id });
  return {
    addendum,
    audit: { action: 'create', entity: 'chart_addendum', entityId: addendum.id, patientId: patient.id },
  };
}
