import type { LocationRecord, UserRecord } from '../../core/records/index.js';
import type { Repositories } from '../../storage/repositories/repositories.js';
import { isNotFound, notFound } from '../domain-errors.js';
import { ofOwnClinic } from './clinic-record.js';

/** A location of the user's clinic; another clinic's is "location not found". */
export async function loadOwnLocation(
  repos: Repositories,
  user: Pick<UserRecord, 'clinicId'>,
  locationId: string,
): Promise<LocationRecord> {
  return ofOwnClinic(await repos.clinics.findLocation(locationId), user, 'location');
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
