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

export interface ChartRepository {
  /** Writes the entry and its points; call inside a transaction. A session has at most one chart. */
  create(input: NewChartEntry): Promise<ChartEntryRecord>;
  findBySession(sessionId: string): Promise<ChartEntryRecord | undefined>;
  /** Sessions whose charts used the lot (for recalls). */
  sessionIdsUsingLot(lotId: string): Promise<string[]>;
}
