import { messageKinds, type MessageKind, type OutboxKind } from '../../core/messages/message-types.js';
import type { OutboxMessageRecord } from '../../storage/repositories/outbox-repository.js';
import type { Repositories } from '../../storage/repositories/repositories.js';

/** Messages about a visit still to come; the others follow a session that took place. */
const beforeTheVisit: ReadonlySet<MessageKind> = new Set([
  'booking_confirmation',
  'preparation_reminder',
  'day_before_reminder',
]);

const isSessionMessage = (kind: OutboxKind): kind is MessageKind => (messageKinds as readonly string[]).includes(kind);

/**
 * Why a claimed message should no longer go out, or null when it should. The booking routes cancel
 * messages as sessions change; this second look, just before sending, also covers changes made
 * elsewhere (a cancelled course, a session closed by another route).
 */
export async function whyNoLongerWanted(
  repos: Repositories,
  message: OutboxMessageRecord,
  now: Date,
): Promise<string | null> {
  // Staff messages (an alert to admins) are about no session: nothing can make them pointless.
  if (message.sessionId === null || !isSessionMessage(message.kind)) return null;
  const session = await repos.treatmentSessions.findById(message.sessionId);
  if (!session) return 'the session no longer exists';
  if (session.status === 'cancelled' || session.status === 'no_show') return `the session is ${session.status}`;
  const course = await repos.courses.findById(session.courseId);
  if (!course || course.status === 'cancelled') return 'the course is cancelled';
  if (beforeTheVisit.has(message.kind) && session.status !== 'planned') return `the session is ${session.status}`;
  if (beforeTheVisit.has(message.kind) && course.status !== 'active') return `the course is ${course.status}`;
  // A reminder held up (the worker was down) is pointless once the session has begun.
  if (
    beforeTheVisit.has(message.kind) &&
    message.kind !== 'booking_confirmation' &&
    Date.parse(session.scheduledAt) <= now.getTime()
  )
    return 'the session has begun';
  return null;
}
