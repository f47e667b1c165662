import { describe, expect, it } from 'vitest';
import { defaultPhotoQuota, formatBytes } from './photo-quota.js';

describe('photo quotas', () => {
  it('default to 100 MB a patient and 20 GB a clinic, named as people read them', () => {
    expect(formatBytes(defaultPhotoQuota.perPatientBytes)).toBe('100 MB');
    expect(formatBytes(defaultPhotoQuota.perClinicBytes)).toBe('20 GB');
    expect(formatBytes(454 * 1024 ** 2 + 300 * 1024)).toBe('454.3 MB');
    expect(formatBytes(1536)).toBe('1.5 KB');
  });
});
