import type { ChartAddendumRecord, ChartEntryRecord, UserRecord } from '../../core/records/index.js';
import type { AuditEvent } from '../../storage/repositories/audit-entries.js';
import type { Repositories } from '../../storage/repositories/repositories.js';
import { loadSessionWithPatient } from '../access/session-access.js';
import { notFound } from '../domain-errors.js';

/** The chart of a session the user may see, with the read to audit; "not found" without one. */
export async function findSessionChart(
  repos: Repositories,
  user: UserRecord,
  sessionId: string,
): Promise<{ chart: ChartEntryRecord; audit: AuditEvent }> {
  const { session, patient } = await loadSessionWithPatient(repos, user, sessionId);
  const chart = await repos.charts.findBySession(session.id);
  if (!chart) throw notFound('chart');
  return { chart, audit: { action: 'read', entity: 'chart_entry', entityId: chart.id, patientId: patient.id } };
}

/** Adds a later note to a session's chart, inside the caller's transaction; the chart itself never changes. */
export async function addChartAddendum(
  tx: Repositories,
  user: UserRecord,
  sessionId: string,
  text: string,
): Promise<{ addendum: ChartAddendumRecord; audit: AuditEvent }> {
  const { session, patient } = await loadSessionWithPatient(tx, user, sessionId);
  const chart = await tx.charts.findBySession(session.id);
  if (!chart) throw notFound('chart');
  const addendum = await tx.charts.addAddendum({ chartEntryId: chart.id, text, createdBy: user.id });
  return {
    addendum,
    audit: { action: 'create', entity: 'chart_addendum', entityId: addendum.id, patientId: patient.id },
  };
}
