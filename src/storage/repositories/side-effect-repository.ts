import type { SideEffectPhotoRecord, SideEffectReportRecord } from './records.js';

export interface NewSideEffectReport {
  sessionId: string;
  reporterUserId: string | null;
  symptom: string;
  onset?: string | null;
  severity?: string | null;
  triage?: unknown;
}

export interface SideEffectRepository {
  createReport(input: NewSideEffectReport): Promise<SideEffectReportRecord>;
  findReport(id: string): Promise<SideEffectReportRecord | undefined>;
  /** Newest first. */
  listBySession(sessionId: string): Promise<SideEffectReportRecord[]>;
  setTriage(id: string, triage: unknown): Promise<SideEffectReportRecord | undefined>;
  addPhoto(input: { reportId: string; filePath: string; mime: string }): Promise<SideEffectPhotoRecord>;
  listPhotos(reportId: string): Promise<SideEffectPhotoRecord[]>;
}
