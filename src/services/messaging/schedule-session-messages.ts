import type { KnowledgeBase } from '../../core/knowledge/knowledge-base.js';
import { lateSignsNotice } from '../../core/messages/late-signs-notice.js';
import { planSessionMessages } from '../../core/messages/plan-session-messages.js';
import type { TreatmentSessionRecord } from '../../core/records/index.js';
import type { OutboxMessageRecord } from '../../storage/repositories/outbox-repository.js';
import type { Repositories } from '../../storage/repositories/repositories.js';
import type { AuditEvent } from '../../storage/repositories/audit-entries.js';
import type { MessagingSettings } from './messaging-settings.js';
import { isCourseConfirmation } from './course-confirmation-messages.js';
import { MessageSources } from './message-sources.js';
import { sessionMessageInput } from './session-message-input.js';

const entity = 'outbox_message';

function audited(messages: readonly OutboxMessageRecord[], action: AuditEvent['action']): AuditEvent[] {
  return messages.map((m) => ({ action, entity, entityId: m.id, patientId: m.patientId }));
}

/**
 * Brings a session's messages in line with the session, inside the caller's transaction (`tx`),
 * so they commit or roll back with the booking. Call it after a session is booked or changed:
 *
 * - planned: the messages the core plans (src/core/messages) replace the pending ones; sent ones
 *   go out again only when the session moved (its fingerprint: time, place, zone, address), and
 *   pending ones the move made pointless (a reminder now in the past) are cancelled;
 * - cancelled or no-show: pending messages are cancelled;
 * - done: nothing changes (aftercare and the check-in still follow).
 *
 * A patient without an email address gets no messages. The clinic's timing and wording apply
 * (clinic-messaging.ts). The patient's medicines (from their intakes)
 * and the knowledge base's late signs go into the texts: no "avoid aspirin" for a patient on a
 * prescribed blood thinner, and every aftercare text says which signs need a same-day call. Returns
 * the audit entries for the caller to record in the same transaction. `session` is the session as it
 * now stands; `sources` reads the course, patient and the rest, once for all sessions given it.
 *
 * `confirmation` says whether the session gets a booking confirmation of its own: 'own' (the
 * default: a booking or move of this session), 'none' (a course booked in one go, whose one
 * confirmation `scheduleCourseConfirmation` writes; one already queued is left alone), or
 * 'as-queued' (messages written again in new wording: a session keeps the kind of confirmation it
 * has, so a course's sessions do not each get one now).
 */
export async function scheduleSessionMessages(
  tx: Repositories,
  session: TreatmentSessionRecord,
  settings: MessagingSettings,
  knowledge: KnowledgeBase,
  options: { now?: Date; sources?: MessageSources; confirmation?: 'own' | 'none' | 'as-queued' } = {},
): Promise<AuditEvent[]> {
  const { now = new Date(), sources = new MessageSources(tx) } = options;
  let own = (options.confirmation ?? 'own') === 'own';
  if (session.status === 'done') return [];
  const cancelAll = async () => audited(await tx.outbox.cancelPending(session.id), 'update');
  if (session.status !== 'planned') return cancelAll();

  const course = await sources.course(session.courseId);
  const patient = await sources.patient(session.patientId);
  if (!course || course.status !== 'active' || !patient?.email) return cancelAll();
  const input = await sessionMessageInput(sources, session, settings);
  if (!input) return cancelAll();
  if (options.confirmation === 'as-queued') {
    const queued = (await tx.outbox.listBySession(session.id)).find((m) => m.kind === 'booking_confirmation');
    own = queued !== undefined && !isCourseConfirmation(queued);
  }
  const planned = planSessionMessages(input.booked, input.plan, {
    now,
    baseUrl: settings.baseUrl,
    lateSigns: lateSignsNotice(knowledge),
    ...input.clinicOptions,
  }).filter((m) => own || m.kind !== 'booking_confirmation');

  const events: AuditEvent[] = [];
  for (const message of planned) {
    const { message: record, change } = await tx.outbox.upsert({
      sessionId: session.id,
      patientId: patient.id,
      clinicId: patient.clinicId,
      kind: message.kind,
      channel: settings.channel,
      recipient: message.to,
      subject: message.subject,
      body: message.body,
      fingerprint: message.fingerprint,
      dueAt: message.dueAt,
    });
    if (change !== 'unchanged') events.push(...audited([record], change === 'created' ? 'create' : 'update'));
  }
  const fingerprint = planned[0]?.fingerprint ?? '';
  // Without a confirmation of its own, the session's queued one (a course's) is not this call's to cancel.
  const kept = [...planned.map((m) => m.kind), ...(own ? [] : (['booking_confirmation'] as const))];
  events.push(...audited(await tx.outbox.cancelPending(session.id, { kinds: kept, fingerprint }), 'update'));
  return events;
}
