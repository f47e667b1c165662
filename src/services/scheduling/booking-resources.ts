import type { LocationRecord, UserRecord } from '../../core/records/index.js';
import type { Repositories } from '../../storage/repositories/repositories.js';
import { clinicalRoles } from '../access/roles.js';
import { loadOwnLocation } from '../access/location-access.js';
import { invalidField, isNotFound } from '../domain-errors.js';

/** Whether sessions may be booked with this user: an active practitioner (or admin) of the clinic. */
export function isBookablePractitioner(
  practitioner: UserRecord | undefined,
  clinicId: string,
): practitioner is UserRecord {
  return (
    !!practitioner &&
    practitioner.clinicId === clinicId &&
    practitioner.active &&
    clinicalRoles.includes(practitioner.role)
  );
}

/** The practitioner a booking names, or an invalid `field` unless it is bookable at the user's clinic. */
export async function practitionerForBooking(
  repos: Repositories,
  user: Pick<UserRecord, 'clinicId'>,
  practitionerId: string,
  field = 'practitionerId',
): Promise<UserRecord> {
  const practitioner = await repos.users.findById(practitionerId);
  if (!isBookablePractitioner(practitioner, user.clinicId))
    throw invalidField(field, 'must be an active practitioner of this clinic');
  return practitioner;
}

/** The location a booking names, or an invalid `locationId` unless it is of the user's clinic. */
export async function locationForBooking(
  repos: Repositories,
  user: Pick<UserRecord, 'clinicId'>,
  locationId: string,
): Promise<LocationRecord> {
  try {
    return await loadOwnLocation(repos, user, locationId);
  } catch (error) {
    throw isNotFound(error) ? invalidField('locationId', 'must be a location of this clinic') : error;
  }
}
