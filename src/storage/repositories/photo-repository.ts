import type { PhotoKind, PhotoRecord } from '../../core/records/index.js';
import type { RecordRepository } from './record-repository.js';

export interface NewPhoto {
  /** May be chosen by the caller, when the file is named after it before the row exists. */
  id?: string;
  patientId: string;
  sessionId?: string | null;
  kind: PhotoKind;
  filePath: string;
  mime: string;
  createdBy: string | null;
  /** The stored file's size (what the photo quotas count). */
  bytes?: number | null;
}

/** Bytes of stored images (photos and side-effect photos together). */
export interface StoredImageBytes {
  patient: number;
  clinic: number;
}

export interface PhotoRepository extends RecordRepository<NewPhoto, PhotoRecord> {
  /** Newest first. */
  listByPatient(patientId: string): Promise<PhotoRecord[]>;
  /** Removes the row (the caller removes the file); false when there was none. */
  delete(id: string): Promise<boolean>;
  /**
   * Until the transaction ends, other transactions that call this for the same clinic wait: a quota
   * checked after it still holds when the new images are added. (SQLite runs one transaction at a
   * time anyway; PostgreSQL locks the clinic's row without blocking anything but this.)
   */
  lockClinicImages(clinicId: string): Promise<void>;
  /** What the patient's images take, and what all of the clinic's patients' images take. */
  storedBytes(query: { patientId: string; clinicId: string }): Promise<StoredImageBytes>;
}
