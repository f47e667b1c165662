import { randomBytes } from 'node:crypto';
import { resolveDataDir } from '../storage/database-config.js';
import { productionPasswordHashing, type Argon2Params } from '../services/accounts/password-hasher.js';
import { defaultLoginLimits, type LoginLimits } from '../services/accounts/login-limits.js';
import { defaultMessagingSettings, type MessagingSettings } from '../services/messaging/messaging-settings.js';
import { defaultDenialAlertSettings, type DenialAlertSettings } from '../services/messaging/denial-alerts.js';
import { defaultPhotoQuota, type PhotoQuota } from '../services/photos/photo-quota.js';

/** No proxy, the number of proxies in front of the server, or the addresses and ranges of trusted proxies. */
export type TrustProxy = false | number | readonly string[];

/** Settings of the HTTP application (what `main.ts` reads from the environment, tests set directly). */
export interface AppConfig {
  /** Behind https: cookies get the Secure flag and browsers are told to stay on https (HSTS). */
  secureCookies: boolean;
  /**
   * Behind a reverse proxy: how many proxies (a hop count) or which proxy addresses (addresses and
   * CIDR ranges) to trust for X-Forwarded-For, so sign-in limits and the audit see the real client.
   * Never "trust all": then any client could name its own address.
   */
  trustProxy: TrustProxy;
  sessionTtlMinutes: number;
  passwordHashing: Argon2Params;
  /** Wrong passwords allowed per account and per client address before waits and lockout (login-limits.ts). */
  loginLimits: LoginLimits;
  /** Key for CSRF tokens: the server reads it from MESODESK_CSRF_KEY or the database (main.ts); random here, for tests. */
  csrfKey: string;
  bodyLimitBytes: number;
  /** Messages to patients: channel, portal link base, locale (src/services/messaging). */
  messaging: MessagingSettings;
  /** The data folder (MESODESK_DATA_DIR): uploaded photos live under `<dataDir>/photos/`. */
  dataDir: string;
  /** The most image data stored per patient and per clinic (limits-config.ts). */
  photoQuota: PhotoQuota;
  /** Writes (POST, PUT, PATCH, DELETE) a signed-in user may send per window; beyond, 429 (plugins/write-rate-limit.ts). */
  writeRateLimit: { max: number; timeWindowMs: number };
  /** How many refused requests by one user within how long alert the clinic's admins (denial-alert-config.ts). */
  denialAlerts: DenialAlertSettings;
}

/**
 * Twenty writes a second, for a whole minute, from one user: far beyond what anyone types or clicks,
 * and about twice the busiest stream of writes one user sends in the test suite (test/reliability:
 * some 540 a minute on a slow machine), while a script flooding the server is held back.
 */
export const defaultWriteRateLimit = { max: 1200, timeWindowMs: 60_000 };

export function defaultAppConfig(): AppConfig {
  return {
    secureCookies: false,
    trustProxy: false,
    sessionTtlMinutes: 12 * 60,
    passwordHashing: productionPasswordHashing,
    loginLimits: defaultLoginLimits,
    csrfKey: randomBytes(32).toString('hex'),
    bodyLimitBytes: 1024 * 1024,
    messaging: defaultMessagingSettings(),
    dataDir: resolveDataDir({}),
    photoQuota: defaultPhotoQuota,
    writeRateLimit: defaultWriteRateLimit,
    denialAlerts: defaultDenialAlertSettings,
  };
}
