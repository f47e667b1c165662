import type { InjectionTechnique } from './record-values.js';

export interface InjectionPointRecord {
  id: string;
  chartEntryId: string;
  area: string;
  x: number;
  y: number;
  productId: string | null;
  lotId: string | null;
  volumeMl: number | null;
  depthMm: number | null;
  technique: InjectionTechnique;
}

/** A clinician's decision to treat a session despite temporary reasons (the treatment gate), with theirs. */
export interface TreatmentOverrideRecord {
  id: string;
  sessionId: string;
  /** Null when the session was marked done without a chart. */
  chartEntryId: string | null;
  reason: string;
  /** The verdict overridden (defer). */
  verdict: string;
  /** The reason codes overridden. */
  reasons: string[];
  by: string | null;
  /** The clinician's display name, for showing and printing. */
  byName: string | null;
  at: string;
}

/** A later note on a chart; the chart itself never changes. */
export interface ChartAddendumRecord {
  id: string;
  chartEntryId: string;
  text: string;
  createdBy: string | null;
  /** The author's display name, for showing and printing. */
  createdByName: string | null;
  createdAt: string;
}

/** The screening a chart was written under. */
export interface ChartScreeningRecord {
  verdict: string;
  knowledgeBaseVersion: string;
  /** The session's calendar date where it took place. */
  sessionDate: string;
}

export interface ChartEntryRecord {
  id: string;
  sessionId: string;
  anaesthesiaUsed: boolean;
  anaesthesiaAgent: string | null;
  notes: string | null;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
  points: InjectionPointRecord[];
  /** The override the chart was written under: its own, or the one given when the session was marked done. */
  override: TreatmentOverrideRecord | null;
  /** The clinician confirmed depths or volumes outside the plan. */
  outsidePlanConfirmed: boolean;
  /** Null on charts from before the treatment gate. */
  screening: ChartScreeningRecord | null;
  /** Oldest first. */
  addenda: ChartAddendumRecord[];
}
