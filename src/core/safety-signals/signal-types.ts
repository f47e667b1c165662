import type { IsoDate } from '../dates/iso-date.js';

/** A lot charted in a session, with its product. */
export interface SignalLot {
  lotId: string;
  lotNumber: string;
  productId: string;
  productName: string;
}

/**
 * A session that took place (not cancelled, not missed, not in the future): the exposure every rate
 * is counted against.
 */
export interface ExposureSession {
  id: string;
  patientId: string;
  practitioner: { id: string; name: string } | null;
  /** The session's calendar date where the clinic is. */
  date: IsoDate;
  /** The lots charted in it, once each (none when nothing was charted). */
  lots: readonly SignalLot[];
}

/** A side-effect report as detection reads it. */
export interface ReportFact {
  id: string;
  sessionId: string;
  /** The triage level given when it was reported (null on reports from before triage). */
  level: 'expected' | 'review' | 'urgent' | null;
  /** The side-effect codes of the triage's findings (side-effects.yaml), e.g. `nodule_or_abscess`. */
  findingCodes: readonly string[];
  /** Days after the session it began, as the patient counts them; null when unknown. */
  onsetDays: number | null;
}

export interface DetectionInput {
  /** The clinic's date today: no clock inside. */
  today: IsoDate;
  /** Every session held in the horizon (`horizonWeeks` of the settings, up to today). */
  sessions: readonly ExposureSession[];
  /** Every report on those sessions known by now. */
  reports: readonly ReportFact[];
}

export const signalKinds = ['rate', 'infection_cluster'] as const;
export type SignalKind = (typeof signalKinds)[number];

export const signalUnitTypes = ['lot', 'product', 'practitioner', 'clinic', 'session_day'] as const;
export type SignalUnitType = (typeof signalUnitTypes)[number];

export interface SignalUnit {
  type: SignalUnitType;
  /** The lot, product or practitioner (a user); null for the whole clinic and for a session day. */
  id: string | null;
  /** What people call it: "Hair cocktail, lot A-100", a product or practitioner name, a date; empty for the clinic. */
  label: string;
}

export interface SafetySignal {
  /** The same signal found again gets the same key, so it is stored and sent once. */
  key: string;
  kind: SignalKind;
  unit: SignalUnit;
  /** The sessions' dates the signal is about, inclusive; `week` for a rate signal (e.g. `2026-W49`). */
  window: { from: IsoDate; to: IsoDate; week: string | null };
  /** Sessions of the unit in the window: the exposure. */
  exposure: number;
  /**
   * A rate signal: sessions of the unit in the window with at least one report. An infection
   * cluster: patients with a late lump, pustule, sore or discharge after a session of the unit.
   */
  observed: number;
  /** Exposure × the clinic's baseline rate; null for an infection cluster (a fixed rule, not a test). */
  expected: number | null;
  /** One-sided exact Poisson p-value of `observed` given `expected`; null for an infection cluster. */
  pValue: number | null;
  /** The p-value it had to reach: the family-wise alpha over the tests made in this run; null for a cluster. */
  threshold: number | null;
  /** Every patient treated with the unit in its scope (see docs/safety-signals.md), not only reporters. */
  patientIds: string[];
  lots: SignalLot[];
  /** The reports behind it. */
  reportIds: string[];
}

export interface DetectionSettings {
  /** Family-wise false-alarm probability of one run: each test must reach alpha / tests. */
  alpha: number;
  /** A rate signal needs at least this many reported sessions, whatever the p-value. */
  minReports: number;
  /** The ISO weeks tested: the current one and the ones before it, so that late reports still count. */
  lookbackWeeks: number;
  /** The weeks before a tested week whose sessions make its baseline rate. */
  baselineWeeks: number;
  /** Pseudo-counts added to the baseline: a rate assumed before the clinic has its own. */
  prior: { reportedSessions: number; sessions: number };
  infection: {
    /** Side-effect codes of the infection pattern, when triaged urgent. */
    codes: readonly string[];
    /** Onsets earlier than this many days after the session are the injection's own reaction. */
    minOnsetDays: number;
    /** Distinct patients that make a cluster on one lot or one session day. */
    minPatients: number;
    /** Sessions older than this are not looked at for clusters. */
    lookbackDays: number;
  };
}

/** The reasons for each value are in docs/safety-signals.md. */
export const defaultDetectionSettings: DetectionSettings = {
  alpha: 0.001,
  minReports: 3,
  lookbackWeeks: 6,
  baselineWeeks: 26,
  prior: { reportedSessions: 5, sessions: 50 },
  infection: { codes: ['nodule_or_abscess'], minOnsetDays: 2, minPatients: 2, lookbackDays: 90 },
};

/** How many weeks of sessions detection needs, counting back from the current week. */
export function horizonWeeks(settings: DetectionSettings): number {
  return Math.max(settings.lookbackWeeks + settings.baselineWeeks, Math.ceil(settings.infection.lookbackDays / 7) + 1);
}
