import type { PhotoRecord, UserRecord } from '../../core/records/index.js';
import type { Repositories } from '../../storage/repositories/repositories.js';
import { notFound } from '../domain-errors.js';
import { patientOfRecord } from './patient-access.js';

/** The photo if the user may see its patient: "not found" from other clinics, 403 for other patients. */
export async function loadAccessiblePhoto(
  repos: Repositories,
  user: UserRecord,
  photoId: string,
): Promise<PhotoRecord> {
  const photo = await repos.photos.findById(photoId);
  if (!photo) throw notFound('photo');
  await patientOfRecord(repos, user, photo, 'photo', 'refused');
  return photo;
}
