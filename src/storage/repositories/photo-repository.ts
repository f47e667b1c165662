import type { PhotoKind, PhotoRecord } from '../../core/records/index.js';

export interface NewPhoto {
  /** May be chosen by the caller, when the file is named after it before the row exists. */
  id?: string;
  patientId: string;
  sessionId?: string | null;
  kind: PhotoKind;
  filePath: string;
  mime: string;
  createdBy: string | null;
}

export interface PhotoRepository {
  create(input: NewPhoto): Promise<PhotoRecord>;
  findById(id: string): Promise<PhotoRecord | undefined>;
  /** Newest first. */
  listByPatient(patientId: string): Promise<PhotoRecord[]>;
  /** Removes the row (the caller removes the file); false when there was none. */
  delete(id: string): Promise<boolean>;
}
