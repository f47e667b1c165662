import type { KnowledgeLibrary } from '../../core/knowledge/knowledge-library.js';
import type { TreatmentSessionRecord } from '../../core/records/index.js';
import type { AuditEvent } from '../../storage/repositories/audit-entries.js';
import type { Repositories } from '../../storage/repositories/repositories.js';
import { MessageSources, type KnownRecords } from '../messaging/message-sources.js';
import type { MessagingSettings } from '../messaging/messaging-settings.js';
import { scheduleCourseConfirmation } from '../messaging/course-confirmation-messages.js';
import { scheduleSessionMessages } from '../messaging/schedule-session-messages.js';
import { rescreenAfterBooking } from '../rescreening/rescreen-after-booking.js';

/** What the follow-up of a session change needs from the application. */
export interface SessionFollowUp {
  messaging: MessagingSettings;
  /** Messages are written from the patient's language's knowledge base; re-screening uses its `base`. */
  knowledge: KnowledgeLibrary;
  now?: Date;
}

export interface SessionsChange {
  /** The patient whose sessions changed. */
  patientId: string;
  /** The sessions booked, moved or closed, as they now stand. */
  sessions: readonly TreatmentSessionRecord[];
  /** Records the caller already loaded (a booking's course, patient, location), so they are not read again. */
  known?: KnownRecords;
  /**
   * Whether to screen the patient's upcoming sessions again: after a booking or a move, a session
   * may now fall inside a waiting period. Closing sessions (a cancellation, a no-show) brings none
   * into one, so it skips the screening.
   */
  rescreen: boolean;
  /**
   * Which booking confirmation the change calls for: 'own' (the default: each session booked or
   * moved gets its own), 'course' (a whole course booked in one go: one confirmation listing every
   * session, with one calendar file; other messages stay per session), or 'as-queued' (nothing
   * about when or where changed: each session keeps the confirmation it has, and gets none anew).
   */
  confirmation?: 'own' | 'course' | 'as-queued';
}

/**
 * What follows any change to a patient's sessions, in the caller's transaction: each session's
 * messages brought in line with it (planned, moved or withdrawn), then the patient re-screened.
 * Returns the audit events of all that for the caller to record in the same transaction.
 */
export async function afterSessionsChanged(
  tx: Repositories,
  followUp: SessionFollowUp,
  change: SessionsChange,
): Promise<AuditEvent[]> {
  const now = followUp.now ?? new Date();
  const sources = new MessageSources(tx, change.known);
  const events: AuditEvent[] = [];
  const together = change.confirmation === 'course' && change.sessions.length > 1;
  const confirmation = together ? 'none' : change.confirmation === 'as-queued' ? 'as-queued' : 'own';
  for (const session of change.sessions)
    events.push(
      ...(await scheduleSessionMessages(tx, session, followUp.messaging, followUp.knowledge, {
        now,
        sources,
        confirmation,
      })),
    );
  if (together)
    events.push(
      ...(await scheduleCourseConfirmation(tx, change.sessions, followUp.messaging, followUp.knowledge, {
        now,
        sources,
      })),
    );
  if (change.rescreen) events.push(...(await rescreenAfterBooking(tx, followUp.knowledge.base, change.patientId, now)));
  return events;
}
