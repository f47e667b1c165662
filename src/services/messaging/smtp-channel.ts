import nodemailer from 'nodemailer';
import type { MessageChannel } from './message-channel.js';

export interface SmtpChannelOptions {
  /** smtp://user:password@host:587 (STARTTLS when offered) or smtps://…:465. */
  url: string;
  from: string;
}

/**
 * Bounds on one delivery. The worker's claim must outlast a whole batch of sends at these limits
 * (see outbox-worker.ts), or another worker could take a message over while it is still going out.
 */
export const smtpTimeouts = { connectionTimeout: 20_000, greetingTimeout: 20_000, socketTimeout: 60_000 } as const;

/** Email over SMTP with nodemailer; a refused or failed delivery rejects, and the worker retries it. */
export function smtpChannel({ url, from }: SmtpChannelOptions): MessageChannel {
  const transport = nodemailer.createTransport({ url, ...smtpTimeouts });
  return {
    name: 'email',
    async send(message) {
      await transport.sendMail({
        from,
        to: message.to,
        subject: message.subject,
        text: message.body,
        ...(message.attachments?.length ? { attachments: message.attachments.map((a) => ({ ...a })) } : {}),
        // Lets a mail system recognise a retry of a message it already accepted.
        messageId: `<${message.id}@mesodesk>`,
        headers: { 'X-Mesodesk-Kind': message.kind },
      });
    },
    close: () => transport.close(),
  };
}
