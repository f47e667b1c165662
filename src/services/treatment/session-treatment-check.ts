import type { KnowledgeBase } from '../../core/knowledge/knowledge-base.js';
import type { JudgedProduct } from '../../core/treatment/plan-view.js';
import type { UserRecord } from '../../core/records/index.js';
import type { AuditEvent } from '../../storage/repositories/audit-entries.js';
import type { Repositories } from '../../storage/repositories/repositories.js';
import { loadSessionWithPatient } from '../access/session-access.js';
import { checkTreatment, judgeClinicProducts, type SessionTreatmentCheck } from './treatment-check.js';

/**
 * The session-day safety picture of a session the user may see (the chart page shows it first): the
 * treatment gate's check, the clinic's products judged against it, and the read to audit.
 */
export async function sessionTreatmentCheck(
  repos: Repositories,
  knowledgeBase: KnowledgeBase,
  user: UserRecord,
  sessionId: string,
  now: Date,
): Promise<{ check: SessionTreatmentCheck; products: JudgedProduct[]; audit: AuditEvent }> {
  const { record: session, patient } = await loadSessionWithPatient(repos, user, sessionId);
  const check = await checkTreatment(repos, knowledgeBase, { session, patient }, now);
  const products = await judgeClinicProducts(repos, knowledgeBase, check);
  return {
    check,
    products,
    audit: { action: 'read', entity: 'treatment_session', entityId: session.id, patientId: patient.id },
  };
}
