import type { MessageChannelName } from '../../storage/database-schema.js';

/** How messages to patients are written and sent; part of the app's config (AppConfig.messaging). */
export interface MessagingSettings {
  /** `email` when an SMTP server is configured; otherwise `log` (messages go to the server log). */
  channel: MessageChannelName;
  /** Where patients reach the portal, for links in messages. */
  baseUrl: string;
  /** BCP 47 tag for dates and times in messages (each clinic location has its own zone). */
  locale: string;
}

export function defaultMessagingSettings(): MessagingSettings {
  return { channel: 'log', baseUrl: 'http://localhost:3000', locale: 'en-GB' };
}
