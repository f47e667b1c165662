import { randomBytes } from 'node:crypto';
import { resolveDataDir } from '../storage/database-config.js';
import { productionPasswordHashing, type Argon2Params } from '../services/accounts/password-hasher.js';
import { defaultMessagingSettings, type MessagingSettings } from '../services/messaging/messaging-settings.js';

/** Settings of the HTTP application (what `main.ts` reads from the environment, tests set directly). */
export interface AppConfig {
  /** Behind https: cookies get the Secure flag and browsers are told to stay on https (HSTS). */
  secureCookies: boolean;
  /** Behind a reverse proxy: trust X-Forwarded-For, so rate limits see the real client. */
  trustProxy: boolean;
  sessionTtlMinutes: number;
  passwordHashing: Argon2Params;
  /** Sign-in attempts allowed per client address per window. */
  loginRateLimit: { max: number; timeWindowMs: number };
  /** Key for CSRF tokens; random per process unless set, so tokens die with a restart. */
  csrfKey: string;
  bodyLimitBytes: number;
  /** Messages to patients: channel, portal link base, locale (src/services/messaging). */
  messaging: MessagingSettings;
  /** The data folder (MESODESK_DATA_DIR): uploaded photos live under `<dataDir>/photos/`. */
  dataDir: string;
}

export function defaultAppConfig(): AppConfig {
  return {
    secureCookies: false,
    trustProxy: false,
    sessionTtlMinutes: 12 * 60,
    passwordHashing: productionPasswordHashing,
    loginRateLimit: { max: 10, timeWindowMs: 60_000 },
    csrfKey: randomBytes(32).toString('hex'),
    bodyLimitBytes: 1024 * 1024,
    messaging: defaultMessagingSettings(),
    dataDir: resolveDataDir({}),
  };
}
