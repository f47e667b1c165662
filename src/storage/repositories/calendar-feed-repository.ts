import type { UserRecord } from '../../core/records/index.js';

export interface CalendarFeedRecord {
  id: string;
  userId: string;
  createdAt: string;
}

export interface CalendarFeedRepository {
  /** Gives the user a feed with this token hash, replacing (and so ending) any earlier one. */
  replace(userId: string, tokenHash: string): Promise<CalendarFeedRecord>;
  /** Ends the user's feed; false if there was none. */
  remove(userId: string): Promise<boolean>;
  findByUser(userId: string): Promise<CalendarFeedRecord | undefined>;
  /** The feed with this token hash, with its user if that user is still active. */
  findActive(tokenHash: string): Promise<{ feed: CalendarFeedRecord; user: UserRecord } | undefined>;
}
