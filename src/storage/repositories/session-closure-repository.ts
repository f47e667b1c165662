import type { SessionClosureRecord } from '../../core/records/index.js';

export interface SessionClosureRepository {
  /** Stores why the session was closed; a session closes once, so a second call for it fails. */
  record(input: Omit<SessionClosureRecord, 'recordedAt'>): Promise<SessionClosureRecord>;
  findBySession(sessionId: string): Promise<SessionClosureRecord | undefined>;
}
