import type { Repositories } from '../storage/repositories/repositories.js';
import { logChannel } from '../services/messaging/log-channel.js';
import type { MessageChannel, MessagingLogger } from '../services/messaging/message-channel.js';
import type { MessagingConfig } from './messaging-config.js';
import { createOutboxWorker, type OutboxWorker } from '../services/messaging/outbox-worker.js';
import { smtpChannel } from '../services/messaging/smtp-channel.js';

/**
 * The server's worker: email when SMTP is configured, and the log channel always, so messages
 * written before SMTP was set up are not left waiting. Every server may run one; their claims
 * keep them from sending a message twice.
 */
export function startMessageWorker(
  repos: Repositories,
  config: MessagingConfig,
  logger: MessagingLogger,
): OutboxWorker {
  const channels: MessageChannel[] = [logChannel(logger), ...(config.smtp ? [smtpChannel(config.smtp)] : [])];
  const worker = createOutboxWorker({ repos, channels, logger });
  worker.start(config.intervalMs);
  logger.info(
    { workerId: worker.id, channels: channels.map((c) => c.name), intervalMs: config.intervalMs },
    'message worker started',
  );
  return worker;
}
