import type { Env } from '../storage/database-config.js';
import { defaultDenialAlertSettings, type DenialAlertSettings } from '../services/messaging/denial-alerts.js';
import { ServerConfigError } from './server-config.js';

function whole(env: Env, name: string, fallback: number): number {
  const value = env[name]?.trim();
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1)
    throw new ServerConfigError(`${name} must be a whole number above 0, not "${value}"`);
  return n;
}

/**
 * When refused requests by one user alert the clinic's admins: MESODESK_DENIAL_ALERT_THRESHOLD
 * refusals (default 20) within MESODESK_DENIAL_ALERT_WINDOW_MINUTES (default 10).
 */
export function readDenialAlertConfig(env: Env): { denialAlerts: DenialAlertSettings } {
  return {
    denialAlerts: {
      threshold: whole(env, 'MESODESK_DENIAL_ALERT_THRESHOLD', defaultDenialAlertSettings.threshold),
      windowMinutes: whole(env, 'MESODESK_DENIAL_ALERT_WINDOW_MINUTES', defaultDenialAlertSettings.windowMinutes),
    },
  };
}
