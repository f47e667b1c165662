import type { PhotoKind, PhotoRecord } from './records.js';

export interface NewPhoto {
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
}
