import type { ReportChannel, SideEffectPhotoRecord, SideEffectReportRecord } from '../../core/records/index.js';
import type { Page } from './page.js';

export interface NewSideEffectReport {
  sessionId: string;
  reporterUserId: string | null;
  symptom: string;
  onset?: string | null;
  severity?: string | null;
  /** The triage core's result; its `level` is also kept in a column for the attention list. */
  triage?: unknown;
  codes?: string[];
  ongoing?: boolean | null;
  /** Symptom codes ticked (side-effects.yaml `signs`). */
  symptoms?: string[];
  onsetDays?: number | null;
  reportedBy?: 'patient' | 'staff' | null;
  reportedVia?: ReportChannel | null;
}

export interface NewSideEffectPhoto {
  id?: string;
  reportId: string;
  filePath: string;
  mime: string;
  /** The stored file's size (what the photo quotas count). */
  bytes?: number | null;
  /** Who uploaded it: they may delete it while the report is open. */
  createdBy?: string | null;
}

/** A lot injected in a session's chart, with its product: what a report after the session may concern. */
export interface SessionLot {
  lotId: string;
  lotNumber: string;
  productId: string;
  productName: string;
}

export type AttentionLevel = 'review' | 'urgent';

/** A report that needs a clinician, with whose it is. */
export interface AttentionReport {
  report: SideEffectReportRecord;
  patient: { id: string; firstName: string; lastName: string };
  sessionAt: string;
}

export interface SideEffectRepository {
  createReport(input: NewSideEffectReport): Promise<SideEffectReportRecord>;
  findReport(id: string): Promise<SideEffectReportRecord | undefined>;
  /** Newest first. */
  listBySession(sessionId: string): Promise<SideEffectReportRecord[]>;
  setTriage(id: string, triage: unknown): Promise<SideEffectReportRecord | undefined>;
  /** `id` may be chosen by the caller, when the file is named after it before the row exists. */
  addPhoto(input: NewSideEffectPhoto): Promise<SideEffectPhotoRecord>;
  listPhotos(reportId: string): Promise<SideEffectPhotoRecord[]>;
  findPhoto(id: string): Promise<SideEffectPhotoRecord | undefined>;
  /** Removes the row (the caller removes the file); false when there was none. */
  deletePhoto(id: string): Promise<boolean>;
  /** The lots charted in the session, once each, by product name then lot number. */
  lotsUsedInSession(sessionId: string): Promise<SessionLot[]>;
  /** The clinic's reports triaged at one of `levels`, newest first. */
  listNeedingAttention(
    query: { clinicId: string; levels: readonly AttentionLevel[] } & Page,
  ): Promise<AttentionReport[]>;
  /** Every report on these patients' sessions (a batch of an export), oldest first. */
  listByPatients(patientIds: readonly string[]): Promise<SideEffectReportRecord[]>;
}
