import type { KnowledgeBase } from '../../core/knowledge/knowledge-base.js';
import type { ChartEntryRecord, TreatmentSessionRecord, UserRecord } from '../../core/records/index.js';
import type { AuditEvent } from '../../storage/repositories/audit-entries.js';
import type { Repositories } from '../../storage/repositories/repositories.js';
import { loadWritableSessionWithPatient } from '../access/session-access.js';
import { conflict } from '../domain-errors.js';
import type { ChartedPoint } from './charted-point.js';
import { assertLotsStocked, drawFromLots, lotDraws } from '../stock/lot-draw.js';
import { assertCurrentConsent, assertLotsUsable, chartedProcedure, loadChartedLots } from './charting-rules.js';
import { assertProductsTolerated } from './product-allergy.js';
import { passTreatmentGate } from './treatment-gate.js';
import { assertAnaestheticTolerated, assertWithinPlanOrConfirmed } from './treatment-gate-rules.js';
import { found } from '../found.js';

/** What the clinician charts for a session, as the request gave it. */
export interface ChartInput {
  anaesthesiaUsed: boolean;
  anaesthesiaAgent?: string | null;
  notes?: string | null;
  points: ChartedPoint[];
  /** Treat despite temporary reasons, giving why. */
  override?: { reason: string } | null;
  /** The clinician confirms depths or volumes outside the plan. */
  confirmOutsidePlan?: boolean;
}

export interface ChartedSession {
  chart: ChartEntryRecord;
  session: TreatmentSessionRecord;
  /** What to write to the audit log in the same transaction. */
  audit: AuditEvent[];
}

/**
 * Charts a session and marks it done, inside the caller's transaction, after the treatment gate and
 * the charting rules: refused (409) when the session is closed or already charted, when the gate
 * blocks it without an accepted override, for an anaesthetic or a product the patient is allergic to,
 * for values outside the plan that were not confirmed, without the current consent, with an unusable
 * lot, or with a lot that holds less than the chart draws from it (the volumes charted are drawn).
 */
export async function chartSession(
  tx: Repositories,
  knowledgeBase: KnowledgeBase,
  user: UserRecord,
  sessionId: string,
  input: ChartInput,
  now: Date,
): Promise<ChartedSession> {
  const { points, override, confirmOutsidePlan, ...entry } = input;
  // Held until the chart is written: a cancellation racing the charting waits, then sees it done.
  await tx.treatmentSessions.lockForChange(sessionId);
  const { record: session, patient } = await loadWritableSessionWithPatient(tx, user, sessionId);
  if (session.status === 'cancelled' || session.status === 'no_show')
    throw conflict('session_closed', `the session is ${session.status} and cannot be charted`);
  if (await tx.charts.findBySession(session.id)) throw conflict('already_charted', 'the session is already charted');
  const lots = await loadChartedLots(tx, patient.clinicId, points);

  // The safety checks first, most serious first: whether to treat at all, then with what.
  const { check, granted } = await passTreatmentGate(tx, knowledgeBase, { session, patient }, override, now);
  assertAnaestheticTolerated(entry, check, knowledgeBase);
  assertProductsTolerated(
    [...new Map(lots.map(({ product }) => [product.id, product])).values()],
    check,
    knowledgeBase,
  );
  const outsidePlanConfirmed = assertWithinPlanOrConfirmed(points, check, confirmOutsidePlan);
  await assertCurrentConsent(tx, patient, chartedProcedure);
  assertLotsUsable(lots, check.sessionDate);
  const draws = lotDraws(lots, points);
  assertLotsStocked(draws);
  // Before the chart is written: a draw refused for a concurrent chart leaves nothing to roll back.
  await drawFromLots(tx, draws);

  const created = await tx.charts.create({
    sessionId: session.id,
    anaesthesiaUsed: entry.anaesthesiaUsed,
    anaesthesiaAgent: entry.anaesthesiaAgent ?? null,
    notes: entry.notes ?? null,
    createdBy: user.id,
    points,
    outsidePlanConfirmed,
    screening: {
      verdict: check.gate.verdict ?? 'none',
      knowledgeBaseVersion: knowledgeBase.version,
      sessionDate: check.sessionDate,
    },
  });
  const stored =
    granted &&
    (await tx.charts.createOverride({
      ...granted,
      sessionId: session.id,
      chartEntryId: created.id,
      createdBy: user.id,
    }));
  const chart = stored ? { ...created, override: stored } : created;
  const done = found(
    session.status === 'done' ? session : await tx.treatmentSessions.update(session.id, { status: 'done' }),
    'session',
  );
  const audit: AuditEvent[] = [
    { action: 'create', entity: 'chart_entry', entityId: chart.id, patientId: patient.id },
    ...(done === session
      ? []
      : [{ action: 'update' as const, entity: 'treatment_session', entityId: session.id, patientId: patient.id }]),
    // Treating despite the reasons is a decision of its own: audited as the override it is.
    ...(stored
      ? [{ action: 'create' as const, entity: 'treatment_override', entityId: stored.id, patientId: patient.id }]
      : []),
  ];
  return { chart, session: done, audit };
}
