import type { PlannedMessage } from '../../core/messages/message-types.js';
import type { PatientRecord } from '../../core/records/index.js';
import type { AuditEvent } from '../../storage/repositories/audit-entries.js';
import type { MessageChannelName, OutboxMessageRecord } from '../../storage/repositories/outbox-repository.js';
import type { Repositories } from '../../storage/repositories/repositories.js';

/** The audit events of outbox messages written or cancelled: each a write to the patient's record. */
export function outboxAudit(messages: readonly OutboxMessageRecord[], action: AuditEvent['action']): AuditEvent[] {
  return messages.map((m) => ({ action, entity: 'outbox_message', entityId: m.id, patientId: m.patientId }));
}

/**
 * Puts a message the core planned for one of `patient`'s sessions into the outbox, replacing the
 * pending one of its kind. Returns its audit event, none when the same message was queued already.
 */
export async function queueMessage(
  tx: Repositories,
  to: { sessionId: string; patient: Pick<PatientRecord, 'id' | 'clinicId'>; channel: MessageChannelName },
  message: PlannedMessage,
): Promise<AuditEvent[]> {
  const { message: record, change } = await tx.outbox.upsert({
    sessionId: to.sessionId,
    patientId: to.patient.id,
    clinicId: to.patient.clinicId,
    kind: message.kind,
    channel: to.channel,
    recipient: message.to,
    subject: message.subject,
    body: message.body,
    fingerprint: message.fingerprint,
    dueAt: message.dueAt,
  });
  if (change === 'unchanged') return [];
  return outboxAudit([record], change === 'created' ? 'create' : 'update');
}
