import type { FastifyRequest } from 'fastify';
import type { KnowledgeBase } from '../../core/knowledge/knowledge-base.js';
import type { Repositories } from '../../storage/repositories/repositories.js';
import { rescreenPatient, screeningAuditEvent } from './rescreen-patient.js';

/**
 * Screens a patient's upcoming sessions in the caller's transaction after sessions were booked or
 * moved: a session booked inside a waiting period (e.g. within six months of a hair transplant) is
 * flagged at once, not at the next knowledge-base change.
 */
export async function rescreenAfterBooking(
  tx: Repositories,
  knowledgeBase: KnowledgeBase,
  request: FastifyRequest,
  patientId: string,
): Promise<void> {
  const screening = await rescreenPatient(tx, knowledgeBase, { patientId, now: new Date() });
  await request.audit(screening.changes.map(screeningAuditEvent), tx);
}
