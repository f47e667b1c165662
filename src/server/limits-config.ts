import { defaultPhotoQuota } from '../services/photos/photo-quota.js';
import type { Env } from '../storage/database-config.js';
import type { AppConfig } from './app-config.js';
import { ServerConfigError } from './server-config.js';

const MB = 1024 ** 2;
const GB = 1024 ** 3;

/** A positive number from the environment (decimals allowed when `whole` is false), or undefined when unset. */
function positive(env: Env, name: string, whole: boolean): number | undefined {
  const value = env[name]?.trim();
  if (value === undefined || value === '') return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0 || (whole && !Number.isInteger(n)))
    throw new ServerConfigError(`${name} must be a ${whole ? 'whole ' : ''}number above 0, not "${env[name]}"`);
  return n;
}

/**
 * The limits of what signed-in users may do, from the environment; only what is set (the rest keeps
 * the defaults of app-config.ts):
 * MESODESK_PATIENT_PHOTO_QUOTA_MB (100) and MESODESK_CLINIC_PHOTO_QUOTA_GB (20): image data stored
 * per patient and per clinic; MESODESK_WRITE_RATE_LIMIT (1200): writes per minute per user.
 */
export function readLimitsConfig(env: Env): Partial<AppConfig> {
  const limits: Partial<AppConfig> = {};
  const patientMb = positive(env, 'MESODESK_PATIENT_PHOTO_QUOTA_MB', false);
  const clinicGb = positive(env, 'MESODESK_CLINIC_PHOTO_QUOTA_GB', false);
  if (patientMb !== undefined || clinicGb !== undefined)
    limits.photoQuota = {
      perPatientBytes: patientMb === undefined ? defaultPhotoQuota.perPatientBytes : Math.round(patientMb * MB),
      perClinicBytes: clinicGb === undefined ? defaultPhotoQuota.perClinicBytes : Math.round(clinicGb * GB),
    };
  const writes = positive(env, 'MESODESK_WRITE_RATE_LIMIT', true);
  if (writes !== undefined) limits.writeRateLimit = { max: writes, timeWindowMs: 60_000 };
  return limits;
}
