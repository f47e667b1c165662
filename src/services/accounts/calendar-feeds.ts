import type { UserRecord } from '../../core/records/index.js';
import type { AuditEvent } from '../../storage/repositories/audit-entries.js';
import type { CalendarFeedRecord } from '../../storage/repositories/calendar-feed-repository.js';
import type { Repositories } from '../../storage/repositories/repositories.js';

/** The audit entity of a calendar subscription address. */
export const calendarFeedEntity = 'calendar_feed';

/** Making or ending a subscription address, for the audit log; a patient's names the patient, whose sessions it shows. */
export function calendarFeedEvent(
  action: 'create' | 'delete',
  feed: CalendarFeedRecord,
  owner: UserRecord,
): AuditEvent {
  return {
    action,
    entity: calendarFeedEntity,
    entityId: feed.id,
    patientId: owner.role === 'patient' ? owner.patientId : null,
  };
}

/**
 * Ends the user's calendar subscription address, if they have one, inside the caller's transaction,
 * and returns what to audit (nothing without one). A feed is a standing sign-in for a calendar app:
 * whatever ends a user's sessions for safety (deactivation, a new password) ends it too, so that it
 * does not come back to life when the account does.
 */
export async function endCalendarFeed(tx: Repositories, owner: UserRecord): Promise<AuditEvent[]> {
  const feed = await tx.calendarFeeds.findByUser(owner.id);
  if (!feed) return [];
  await tx.calendarFeeds.remove(owner.id);
  return [calendarFeedEvent('delete', feed, owner)];
}
