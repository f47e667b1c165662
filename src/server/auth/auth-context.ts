import type { AuthSessionRecord, UserRecord } from '../../core/records/index.js';

/** The signed-in user and their session, as `request.auth` holds them. */
export interface AuthContext {
  user: UserRecord;
  session: AuthSessionRecord;
}
