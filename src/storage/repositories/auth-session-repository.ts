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
  deleteForUser(userId: string): Promise<void>;
  /** Removes expired sessions; returns how many. */
  deleteExpired(): Promise<number>;
}
