import type { ConsultationReason } from '../../core/portal/consultation-values.js';
import type { ConsultationRequestRecord, PortalSettingsRecord } from '../../core/records/index.js';

export interface NewConsultationRequest {
  clinicId: string;
  patientId: string;
  assessmentId: string | null;
  reason: ConsultationReason;
  note: string | null;
  createdBy: string | null;
}

/** The portal's self-service: a clinic's portal rules and the consultations patients ask for. */
export interface PortalRepository {
  /** The clinic's stored settings; undefined while it keeps the defaults. */
  findSettings(clinicId: string): Promise<PortalSettingsRecord | undefined>;
  /** Sets (replaces) the clinic's settings. */
  saveSettings(clinicId: string, settings: { noticeHours: number }, by: string | null): Promise<PortalSettingsRecord>;
  createConsultationRequest(input: NewConsultationRequest): Promise<ConsultationRequestRecord>;
  findConsultationRequest(id: string): Promise<ConsultationRequestRecord | undefined>;
  /** A patient's requests, newest first. */
  listConsultationRequests(patientId: string): Promise<ConsultationRequestRecord[]>;
  /** A clinic's requests still open, oldest first (the order they are answered in). */
  listOpenConsultationRequests(clinicId: string, limit: number): Promise<ConsultationRequestRecord[]>;
  /** Marks an open request handled; undefined when it was not open (already handled, or none). */
  markConsultationHandled(id: string, by: string): Promise<ConsultationRequestRecord | undefined>;
  /**
   * Holds the patient's portal writes in line until the transaction ends, so two at once (a double
   * click, a second tab) see each other's result instead of both passing their checks. SQLite runs
   * one writer at a time already.
   */
  lockPatient(patientId: string): Promise<void>;
}
