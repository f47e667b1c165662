import type { MessageChannel, MessagingLogger } from './message-channel.js';

/**
 * The default when no SMTP server is configured: each message is written to the log, whole, so a
 * clinic trying mesodesk out sees exactly what patients would receive.
 */
export function logChannel(logger: MessagingLogger): MessageChannel {
  return {
    name: 'log',
    async send(message) {
      logger.info(
        {
          outboxMessage: {
            id: message.id,
            kind: message.kind,
            to: message.to,
            subject: message.subject,
            body: message.body,
            ...(message.attachments?.length ? { attachments: message.attachments.map((a) => a.filename) } : {}),
          },
        },
        'message (log channel)',
      );
    },
  };
}
