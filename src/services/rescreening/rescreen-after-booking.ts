import type { KnowledgeBase } from '../../core/knowledge/knowledge-base.js';
import type { AuditEvent } from '../../storage/repositories/audit-entries.js';
import type { Repositories } from '../../storage/repositories/repositories.js';
import { rescreenPatient, screeningAuditEvent } from './rescreen-patient.js';

/**
 * Screens a patient's upcoming sessions in the caller's transaction after sessions were booked or
 * moved: a session booked inside a waiting period (e.g. within six months of a hair transplant) is
 * flagged at once, not at the next knowledge-base change. Returns the audit entries for the caller
 * to record in the same transaction.
 */
export async function rescreenAfterBooking(
  tx: Repositories,
  knowledgeBase: KnowledgeBase,
  patientId: string,
  now: Date = new Date(),
): Promise<AuditEvent[]> {
  const screening = await rescreenPatient(tx, knowledgeBase, { patientId, now });
  return screening.changes.map(screeningAuditEvent);
}
