import type { Repositories } from '../../storage/repositories/repositories.js';

/**
 * The time zone documents and reports are written in: the session's location when there is one,
 * otherwise the clinic's first location (as re-screening reads it), otherwise UTC.
 */
export async function clinicTimeZone(
  repos: Repositories,
  clinicId: string,
  locationId?: string | null,
): Promise<string> {
  if (locationId) {
    const location = await repos.clinics.findLocation(locationId);
    if (location && location.clinicId === clinicId) return location.timeZone;
  }
  const locations = await repos.clinics.listLocations(clinicId);
  const first = [...locations].sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id))[0];
  return first?.timeZone ?? 'UTC';
}
