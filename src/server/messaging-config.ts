import type { Env } from '../storage/database-config.js';
import { ServerConfigError } from './server-config.js';
import type { MessagingSettings } from '../services/messaging/messaging-settings.js';

/** Everything about messages that `main.ts` reads from the environment. */
export interface MessagingConfig {
  settings: MessagingSettings;
  /** Set when email goes out over SMTP. */
  smtp?: { url: string; from: string };
  /** How often the worker looks for due messages. */
  intervalMs: number;
}

const defaultIntervalSeconds = 30;

function seconds(value: string | undefined): number {
  if (value === undefined || value.trim() === '') return defaultIntervalSeconds;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 1 || n > 3600)
    throw new ServerConfigError(`MESODESK_MESSAGE_INTERVAL_SECONDS must be a number from 1 to 3600, not "${value}"`);
  return n;
}

function url(name: string, value: string, protocols: readonly string[]): string {
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    throw new ServerConfigError(`${name} must be a URL, not "${value}"`);
  }
  if (!protocols.includes(parsed.protocol))
    throw new ServerConfigError(`${name} must start with ${protocols.map((p) => `${p}//`).join(' or ')}`);
  return value;
}

function locale(value: string): string {
  try {
    new Intl.DateTimeFormat(value);
    return value;
  } catch {
    throw new ServerConfigError(`MESODESK_LOCALE must be a language tag such as en-GB or de-DE, not "${value}"`);
  }
}

/**
 * MESODESK_SMTP_URL (smtp:// or smtps://user:password@host:port; unset: messages go to the log),
 * MESODESK_SMTP_FROM (sender address), MESODESK_PUBLIC_URL (where patients reach the portal, for
 * links; default `fallbackBaseUrl`), MESODESK_LOCALE (en-GB), MESODESK_MESSAGE_INTERVAL_SECONDS (30).
 */
export function readMessagingConfig(env: Env, fallbackBaseUrl: string): MessagingConfig {
  const smtpUrl = env.MESODESK_SMTP_URL?.trim();
  const settings: MessagingSettings = {
    channel: smtpUrl ? 'email' : 'log',
    baseUrl: url('MESODESK_PUBLIC_URL', env.MESODESK_PUBLIC_URL?.trim() || fallbackBaseUrl, ['http:', 'https:']),
    locale: locale(env.MESODESK_LOCALE?.trim() || 'en-GB'),
  };
  return {
    settings,
    ...(smtpUrl
      ? {
          smtp: {
            url: url('MESODESK_SMTP_URL', smtpUrl, ['smtp:', 'smtps:']),
            from: env.MESODESK_SMTP_FROM?.trim() || 'mesodesk <no-reply@localhost>',
          },
        }
      : {}),
    intervalMs: seconds(env.MESODESK_MESSAGE_INTERVAL_SECONDS) * 1000,
  };
}
