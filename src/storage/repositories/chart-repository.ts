import type { ChartEntryRecord, InjectionPointRecord } from './records.js';

export type NewInjectionPoint = Omit<InjectionPointRecord, 'id' | 'chartEntryId'>;

export interface NewChartEntry {
  sessionId: string;
  anaesthesiaUsed: boolean;
  anaesthesiaAgent?: string | null;
  notes?: string | null;
  createdBy: string | null;
  points: NewInjectionPoint[];
}

/** One session in which a patient received a lot, with the contact details a recall needs. */
export interface LotRecipient {
  patientId: string;
  firstName: string;
  lastName: string;
  phone: string | null;
  email: string | null;
  sessionId: string;
  scheduledAt: string;
}

export interface ChartRepository {
  /** Writes the entry and its points; call inside a transaction. A session has at most one chart. */
  create(input: NewChartEntry): Promise<ChartEntryRecord>;
  findBySession(sessionId: string): Promise<ChartEntryRecord | undefined>;
  /** Sessions whose charts used the lot (for recalls). */
  sessionIdsUsingLot(lotId: string): Promise<string[]>;
  /** Every (patient, session) whose chart used the lot, once each, by patient name then session time. */
  lotRecipients(lotId: string): Promise<LotRecipient[]>;
  /** Every chart entry, with its points, of these patients' sessions (a batch of an export). */
  listByPatients(patientIds: readonly string[]): Promise<ChartEntryRecord[]>;
}
