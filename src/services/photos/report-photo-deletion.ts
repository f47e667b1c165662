import type { SideEffectPhotoRecord, SideEffectReportRecord, UserRecord } from '../../core/records/index.js';
import { conflict, forbidden } from '../domain-errors.js';

/**
 * How long a side-effect report stays open to taking back its photos: long enough to notice a
 * wrong or unwanted picture; after that the photos are part of the clinical record.
 */
export const reportOpenDays = 7;
const DAY_MS = 86_400_000;

/**
 * Whoever uploaded a photo of a side-effect report (the patient, or a clinician on their behalf)
 * may delete it while the report is open; nobody else may, and nobody after.
 */
export function assertMayDeleteReportPhoto(
  user: UserRecord,
  report: SideEffectReportRecord,
  photo: SideEffectPhotoRecord,
  now: Date,
): void {
  if (photo.createdBy !== user.id) throw forbidden('only whoever uploaded a photo may delete it');
  if (now.getTime() - Date.parse(report.createdAt) > reportOpenDays * DAY_MS)
    throw conflict(
      'report_closed',
      `photos can be deleted for ${reportOpenDays} days after the report was made; this report is older`,
    );
}
