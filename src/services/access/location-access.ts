import type { LocationRecord, UserRecord } from '../../core/records/index.js';
import type { Repositories } from '../../storage/repositories/repositories.js';
import { isNotFound, notFound } from '../domain-errors.js';

/** A location of the user's clinic; another clinic's is "location not found". */
export async function loadOwnLocation(
  repos: Repositories,
  user: Pick<UserRecord, 'clinicId'>,
  locationId: string,
): Promise<LocationRecord> {
  const location = await repos.clinics.findLocation(locationId);
  if (!location || location.clinicId !== user.clinicId) throw notFound('location');
  return location;
}

/** The location of a record kept at one (a room, time off), answering "<entity> not found" for another clinic's. */
export async function locationOfRecord(
  repos: Repositories,
  user: Pick<UserRecord, 'clinicId'>,
  record: { locationId: string },
  entity: string,
): Promise<LocationRecord> {
  try {
    return await loadOwnLocation(repos, user, record.locationId);
  } catch (error) {
    throw isNotFound(error) ? notFound(entity) : error;
  }
}
