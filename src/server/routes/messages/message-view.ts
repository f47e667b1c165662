import { z } from 'zod';
import { messageKinds } from '../../../core/messages/message-types.js';
import { messageChannels, outboxStatuses, type Role } from '../../../storage/database-schema.js';
import type { SessionMessageRecord } from '../../../storage/repositories/outbox-repository.js';
import { timestamp } from '../../views.js';

export const messageView = z.object({
  id: z.string(),
  sessionId: z.string(),
  kind: z.enum(messageKinds),
  channel: z.enum(messageChannels),
  recipient: z.string(),
  subject: z.string(),
  body: z.string().optional().describe('Left out for reception: it quotes the clinical plan'),
  dueAt: timestamp,
  status: z.enum(outboxStatuses),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  nextAttemptAt: timestamp,
  sentAt: timestamp.nullable(),
  createdAt: timestamp,
  updatedAt: timestamp,
});

export type MessageView = z.input<typeof messageView>;

/**
 * What staff see of a message: whether and when it went out. Reception runs the schedule and
 * answers "did my reminder go out?", but the text quotes the clinical plan, so it is left out for
 * them; worker internals (locks) are left out for everyone.
 */
export function messageFor(role: Role, m: SessionMessageRecord): MessageView {
  return {
    id: m.id,
    sessionId: m.sessionId,
    kind: m.kind,
    channel: m.channel,
    recipient: m.recipient,
    subject: m.subject,
    ...(role === 'reception' ? {} : { body: m.body }),
    dueAt: m.dueAt,
    status: m.status,
    attempts: m.attempts,
    lastError: m.lastError,
    nextAttemptAt: m.nextAttemptAt,
    sentAt: m.sentAt,
    createdAt: m.createdAt,
    updatedAt: m.updatedAt,
  };
}
