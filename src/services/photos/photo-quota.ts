import type { Repositories } from '../../storage/repositories/repositories.js';
import { DomainError } from '../domain-errors.js';

/** How much image data may be stored, in bytes: per patient, and per clinic (all its patients together). */
export interface PhotoQuota {
  perPatientBytes: number;
  perClinicBytes: number;
}

/** 100 MB a patient (some hundred phone photos, re-encoded) and 20 GB a clinic. */
export const defaultPhotoQuota: PhotoQuota = {
  perPatientBytes: 100 * 1024 ** 2,
  perClinicBytes: 20 * 1024 ** 3,
};

/** Sizes as people read them: "100 MB", "20 GB", "1.5 MB". */
export function formatBytes(bytes: number): string {
  const [unit, size] = bytes >= 1024 ** 3 ? ['GB', 1024 ** 3] : bytes >= 1024 ** 2 ? ['MB', 1024 ** 2] : ['KB', 1024];
  return `${Number((bytes / size).toFixed(1))} ${unit}`;
}

function overQuota(whose: 'patient' | 'clinic', stored: number, adding: number, limit: number): DomainError {
  const owner = whose === 'patient' ? "the patient's" : "the clinic's";
  return new DomainError(
    'too_large',
    'photo_quota_exceeded',
    `${owner} photos would take ${formatBytes(stored + adding)}, over the limit of ${formatBytes(limit)} per ${whose} ` +
      `(${formatBytes(stored)} stored, ${formatBytes(adding)} in this upload); delete photos or ask an admin to raise the limit`,
    { quota: whose, limitBytes: limit },
  );
}

/**
 * Refuses (413, naming the limit) images that would take the patient or their clinic over its
 * quota. Call it in the transaction that adds the images, before adding them: it holds the
 * clinic's lock until that transaction ends, so uploads sent in parallel are counted one after
 * another and cannot all slip under the limit together.
 */
export async function assertRoomForImages(
  tx: Repositories,
  request: { patientId: string; clinicId: string; bytes: number; quota: PhotoQuota },
): Promise<void> {
  const { patientId, clinicId, bytes, quota } = request;
  await tx.photos.lockClinicImages(clinicId);
  const stored = await tx.photos.storedBytes({ patientId, clinicId });
  if (stored.patient + bytes > quota.perPatientBytes)
    throw overQuota('patient', stored.patient, bytes, quota.perPatientBytes);
  if (stored.clinic + bytes > quota.perClinicBytes)
    throw overQuota('clinic', stored.clinic, bytes, quota.perClinicBytes);
}
