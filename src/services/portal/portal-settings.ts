import { defaultNoticeHours } from '../../core/portal/notice-period.js';
import type { Repositories } from '../../storage/repositories/repositories.js';

/** A clinic's portal rules as they apply now: what it stored, or the defaults. */
export interface PortalSettings {
  noticeHours: number;
  /** Whether these are the defaults (nothing stored). */
  isDefault: boolean;
}

export async function portalSettingsOf(repos: Repositories, clinicId: string): Promise<PortalSettings> {
  const stored = await repos.portal.findSettings(clinicId);
  return stored
    ? { noticeHours: stored.noticeHours, isDefault: false }
    : { noticeHours: defaultNoticeHours, isDefault: true };
}
