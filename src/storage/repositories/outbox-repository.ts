import type { MessageKind, OutboxKind, StaffMessageKind } from '../../core/messages/message-types.js';
import type { MessageChannelName, OutboxStatus } from '../database-schema.js';

export type { MessageChannelName, MessageKind, OutboxKind, OutboxStatus, StaffMessageKind };

/** A message as planned for a session; `dueAt` as `Date#toISOString()`, so that text order is time order. */
export interface OutboxDraft {
  sessionId: string;
  patientId: string;
  clinicId: string;
  kind: MessageKind;
  channel: MessageChannelName;
  recipient: string;
  subject: string;
  body: string;
  /** What the message is about (when, where, to whom); see `upsert`. */
  fingerprint: string;
  dueAt: string;
}

/** A message to one of the clinic's staff (an admin), about no session or patient. */
export interface StaffMessageDraft extends Omit<OutboxDraft, 'sessionId' | 'patientId' | 'kind'> {
  kind: StaffMessageKind;
}

/** A message as stored: its draft, and how sending it goes. Staff messages have no session or patient. */
export interface OutboxMessageRecord extends Omit<OutboxDraft, 'sessionId' | 'patientId' | 'kind'> {
  sessionId: string | null;
  patientId: string | null;
  kind: OutboxKind;
  id: string;
  status: OutboxStatus;
  attempts: number;
  lastError: string | null;
  nextAttemptAt: string;
  lockedBy: string | null;
  lockedUntil: string | null;
  sentAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface ClaimRequest {
  workerId: string;
  /** ISO timestamps: rows due by `now` are claimed and locked until `lockedUntil`. */
  now: string;
  lockedUntil: string;
  limit: number;
  /** Only messages for these channels (the ones this worker can send). */
  channels: readonly MessageChannelName[];
  /** A lapsed claim that already used this many attempts is marked failed, not tried again. */
  maxAttempts: number;
}

/** How a claimed message ended: sent, back to pending for a retry, given up, or no longer wanted. */
export type ClaimOutcome =
  | { status: 'sent' }
  | { status: 'pending'; retryAt: string; error: string }
  | { status: 'failed'; error: string }
  | { status: 'cancelled'; reason: string };

/** A message to a patient about a session (every message but those to staff). */
export type SessionMessageRecord = OutboxMessageRecord & { sessionId: string; patientId: string; kind: MessageKind };

export interface OutboxRepository {
  /** A session's messages, by due time. */
  listBySession(sessionId: string): Promise<SessionMessageRecord[]>;
  /** The sessions of the clinic with a message still waiting to go out (to write again after a change of wording). */
  sessionsWithPending(clinicId: string): Promise<string[]>;
  /**
   * Adds the session's message of this kind, or replaces the existing one and makes it pending
   * again when its fingerprint changed (the session moved: sent messages go out again), when it
   * was cancelled, or when it is still pending and its text or (but for the confirmation,
   * "due now" at every call) its due time changed. Otherwise it is left
   * alone, so planning twice never sends twice. Returns the message and what happened.
   */
  upsert(draft: OutboxDraft): Promise<{ message: OutboxMessageRecord; change: 'created' | 'replaced' | 'unchanged' }>;
  /** Adds a message to staff, sent like the others (and never cancelled: it is about no session). */
  enqueueForStaff(draft: StaffMessageDraft): Promise<OutboxMessageRecord>;
  /**
   * Cancels the session's pending messages, except those of `except.kinds` and those still about
   * the same session (`except.fingerprint`: merely late, not wrong). Returns the ones cancelled.
   */
  cancelPending(
    sessionId: string,
    except?: { kinds: readonly MessageKind[]; fingerprint: string },
  ): Promise<OutboxMessageRecord[]>;
  /**
   * Claims due messages for one worker: pending ones whose time has come and ones whose claim
   * lapsed. Each claim counts as an attempt. Safe with several workers: on PostgreSQL rows are
   * locked with FOR UPDATE SKIP LOCKED; SQLite has one writer, and the claim is one UPDATE.
   */
  claimDue(request: ClaimRequest): Promise<OutboxMessageRecord[]>;
  /** Ends `workerId`'s claim; false when the claim is no longer its own (lapsed and taken, or replaced by a rebooking). */
  finish(id: string, workerId: string, outcome: ClaimOutcome): Promise<boolean>;
}
