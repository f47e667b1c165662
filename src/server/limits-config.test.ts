import { describe, expect, it } from 'vitest';
import { readLimitsConfig } from './limits-config.js';

describe('readLimitsConfig', () => {
  it('sets nothing when nothing is set: the defaults of app-config.ts hold', () => {
    expect(readLimitsConfig({})).toEqual({});
  });

  it('reads the photo quotas in MB and GB, and the writes a minute', () => {
    expect(
      readLimitsConfig({
        MESODESK_PATIENT_PHOTO_QUOTA_MB: '250',
        MESODESK_CLINIC_PHOTO_QUOTA_GB: '0.5',
        MESODESK_WRITE_RATE_LIMIT: '1200',
      }),
    ).toEqual({
      photoQuota: { perPatientBytes: 250 * 1024 ** 2, perClinicBytes: 512 * 1024 ** 2 },
      writeRateLimit: { max: 1200, timeWindowMs: 60_000 },
    });
    expect(readLimitsConfig({ MESODESK_CLINIC_PHOTO_QUOTA_GB: '50' }).photoQuota).toEqual({
      perPatientBytes: 100 * 1024 ** 2,
      perClinicBytes: 50 * 1024 ** 3,
    });
  });

  it('refuses values that are not positive numbers, naming the variable', () => {
    for (const [name, value] of [
      ['MESODESK_PATIENT_PHOTO_QUOTA_MB', '0'],
      ['MESODESK_CLINIC_PHOTO_QUOTA_GB', 'lots'],
      ['MESODESK_WRITE_RATE_LIMIT', '10.5'],
      ['MESODESK_WRITE_RATE_LIMIT', '-1'],
    ] as const)
      expect(() => readLimitsConfig({ [name]: value })).toThrow(new RegExp(`^${name} must be a .*number above 0`));
  });
});
