import type { MessageChannelName } from '../../storage/database-schema.js';
import type { OutboxKind } from '../../core/messages/message-types.js';
import type { ServiceLogger } from '../service-logger.js';

export interface OutgoingMessage {
  /** The outbox id: the same on every retry, so a receiver can spot a repeat. */
  id: string;
  kind: OutboxKind;
  to: string;
  subject: string;
  body: string;
  /** Files sent with the message (a course confirmation's calendar); none when absent. */
  attachments?: readonly MessageAttachment[];
}

export interface MessageAttachment {
  filename: string;
  contentType: string;
  content: string;
}

/** One way of delivering messages. `send` resolves once the message is handed over, and rejects when it was not. */
export interface MessageChannel {
  name: MessageChannelName;
  send(message: OutgoingMessage): Promise<void>;
  /** Releases connections; the worker calls it when it stops. */
  close?(): Promise<void> | void;
}

/** What the worker logs to: pino, as Fastify's and main.ts's loggers are. */
export type MessagingLogger = ServiceLogger;
