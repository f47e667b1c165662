import type { AuthSessionRecord, UserRecord } from '../../core/records/index.js';

export interface NewAuthSession {
  userId: string;
  tokenHash: string;
  expiresAt: string;
  userAgent?: string | null;
}

export interface AuthSessionRepository {
  create(input: NewAuthSession): Promise<AuthSessionRecord>;
  /** The unexpired session with this token hash, with its user if that user is still active. */
  findActive(tokenHash: string): Promise<{ session: AuthSessionRecord; user: UserRecord } | undefined>;
  delete(id: string): Promise<void>;
  /** Ends every session of the user, but the one `except` names (a password change keeps the session it came from). */
  deleteForUser(userId: string, options?: { except?: string }): Promise<void>;
  /** Removes expired sessions; returns how many. */
  deleteExpired(): Promise<number>;
}
