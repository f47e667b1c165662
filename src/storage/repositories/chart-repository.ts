import type {
  ChartAddendumRecord,
  ChartEntryRecord,
  ChartScreeningRecord,
  InjectionPointRecord,
  TreatmentOverrideRecord,
} from '../../core/records/index.js';

export type NewInjectionPoint = Omit<InjectionPointRecord, 'id' | 'chartEntryId'>;

export interface NewChartEntry {
  sessionId: string;
  anaesthesiaUsed: boolean;
  anaesthesiaAgent?: string | null;
  notes?: string | null;
  createdBy: string | null;
  points: NewInjectionPoint[];
  /** The clinician confirmed values outside the plan. */
  outsidePlanConfirmed?: boolean;
  /** The screening the chart is written under. */
  screening?: ChartScreeningRecord | null;
}

export interface NewTreatmentOverride {
  sessionId: string;
  chartEntryId: string | null;
  reason: string;
  verdict: string;
  reasons: readonly string[];
  createdBy: string | null;
}

export interface NewChartAddendum {
  chartEntryId: string;
  text: string;
  createdBy: string | null;
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
  /** The session's chart with its override (see ChartEntryRecord) and addenda. */
  findBySession(sessionId: string): Promise<ChartEntryRecord | undefined>;
  /** Records a clinician's override; call inside the transaction that treats the session. */
  createOverride(input: NewTreatmentOverride): Promise<TreatmentOverrideRecord>;
  /** The session's overrides, oldest first. */
  overridesOfSession(sessionId: string): Promise<TreatmentOverrideRecord[]>;
  /** Adds a note to a chart, which itself stays as written. */
  addAddendum(input: NewChartAddendum): Promise<ChartAddendumRecord>;
  /** Sessions whose charts used the lot (for recalls). */
  sessionIdsUsingLot(lotId: string): Promise<string[]>;
  /** Every (patient, session) whose chart used the lot, once each, by patient name then session time. */
  lotRecipients(lotId: string): Promise<LotRecipient[]>;
  /** Every chart entry, with its points, override and addenda, of these patients' sessions (a batch of an export). */
  listByPatients(patientIds: readonly string[]): Promise<ChartEntryRecord[]>;
}
