import type { KnowledgeBase } from '../../core/knowledge/knowledge-base.js';
import type { PatientRecord, TreatmentSessionRecord } from '../../core/records/index.js';
import type { Repositories } from '../../storage/repositories/repositories.js';
import { checkTreatment, type SessionTreatmentCheck } from './treatment-check.js';
import { resolveOverride, type GrantedOverride } from './treatment-gate-rules.js';
import { found } from '../found.js';

/**
 * Runs the treatment gate on a session about to be treated: the session-day check, and the override
 * to store (null when none is needed), or 409 `treatment_blocked` (see treatment-gate-rules.ts).
 */
export async function passTreatmentGate(
  tx: Repositories,
  knowledgeBase: KnowledgeBase,
  subject: { session: TreatmentSessionRecord; patient: PatientRecord },
  override: { reason: string } | null | undefined,
  now: Date,
): Promise<{ check: SessionTreatmentCheck; granted: GrantedOverride | null }> {
  const check = await checkTreatment(tx, knowledgeBase, subject, now);
  const granted = resolveOverride(check.gate, override, await tx.charts.overridesOfSession(subject.session.id));
  return { check, granted };
}

/**
 * The gate for marking a session done without charting it: done means treated, so the same gate as
 * charting, judged on the session as it will be (`session` with the change applied).
 */
export async function gateForDone(
  tx: Repositories,
  knowledgeBase: KnowledgeBase,
  session: TreatmentSessionRecord,
  override: { reason: string } | null | undefined,
  now: Date,
): Promise<GrantedOverride | null> {
  const patient = found(await tx.patients.findById(session.patientId), 'session');
  return (await passTreatmentGate(tx, knowledgeBase, { session, patient }, override, now)).granted;
}
