import type { KnowledgeLibrary } from '../../core/knowledge/knowledge-library.js';
import { planSessionMessages } from '../../core/messages/plan-session-messages.js';
import type { TreatmentSessionRecord } from '../../core/records/index.js';
import type { Repositories } from '../../storage/repositories/repositories.js';
import type { AuditEvent } from '../../storage/repositories/audit-entries.js';
import type { MessagingSettings } from './messaging-settings.js';
import { isCourseConfirmation } from './course-confirmation-messages.js';
import { MessageSources } from './message-sources.js';
import { outboxAudit, queueMessage } from './queue-message.js';
import { messageOptions, sessionMessageInput } from './session-message-input.js';

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
 * (clinic-messaging.ts), in the patient's language, with the knowledge base's texts in it. The patient's medicines (from their intakes)
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
  knowledge: KnowledgeLibrary,
  options: { now?: Date; sources?: MessageSources; confirmation?: 'own' | 'none' | 'as-queued' } = {},
): Promise<AuditEvent[]> {
  const { now = new Date(), sources = new MessageSources(tx) } = options;
  let own = (options.confirmation ?? 'own') === 'own';
  if (session.status === 'done') return [];
  const cancelAll = async () => outboxAudit(await tx.outbox.cancelPending(session.id), 'update');
  if (session.status !== 'planned') return cancelAll();

  const course = await sources.course(session.courseId);
  const patient = await sources.patient(session.patientId);
  if (!course || course.status !== 'active' || !patient?.email) return cancelAll();
  const input = await sessionMessageInput(sources, session, settings, knowledge);
  if (!input) return cancelAll();
  if (options.confirmation === 'as-queued') {
    const queued = (await tx.outbox.listBySession(session.id)).find((m) => m.kind === 'booking_confirmation');
    own = queued !== undefined && !isCourseConfirmation(queued);
  }
  const messages = planSessionMessages(input.booked, input.plan, messageOptions(input, settings, now));
  const planned = messages.filter((m) => own || m.kind !== 'booking_confirmation');

  const events: AuditEvent[] = [];
  const to = { sessionId: session.id, patient, channel: settings.channel };
  for (const message of planned) events.push(...(await queueMessage(tx, to, message)));
  const fingerprint = planned[0]?.fingerprint ?? '';
  // Without a confirmation of its own, the session's queued one (a course's) is not this call's to cancel.
  const kept = [...planned.map((m) => m.kind), ...(own ? [] : (['booking_confirmation'] as const))];
  events.push(...outboxAudit(await tx.outbox.cancelPending(session.id, { kinds: kept, fingerprint }), 'update'));
  return events;
}
