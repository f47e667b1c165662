import type { ReportChannel } from './record-values.js';

export interface SideEffectReportRecord {
  id: string;
  sessionId: string;
  reporterUserId: string | null;
  symptom: string;
  onset: string | null;
  severity: string | null;
  /** The triage core's result (TriageResult) when one was stored; read defensively. */
  triage: unknown;
  createdAt: string;
  /** Side-effect codes the reporter chose; empty on reports from before they were asked. */
  codes: string[];
  /** Whether the symptom was still there when reported; null on older reports. */
  ongoing: boolean | null;
  /** Symptom codes the reporter ticked (side-effects.yaml `signs`); empty on reports from before they were asked (0021). */
  symptoms: string[];
  /** Days after the session the symptom began; null on reports from before 0021. */
  onsetDays: number | null;
  /** Who made the report: the patient, or staff on their behalf; null on reports from before 0021. */
  reportedBy: 'patient' | 'staff' | null;
  /** How it came in: the portal, a phone call or a visit; null on staff reports from before 0038. */
  reportedVia: ReportChannel | null;
}

export interface SideEffectPhotoRecord {
  id: string;
  reportId: string;
  filePath: string;
  mime: string;
  createdAt: string;
  /** The stored file's size; null on photos from before sizes were kept, until the server has read it from disk. */
  bytes: number | null;
  /** Who uploaded it; null on photos from before this was kept. */
  createdBy: string | null;
}

export interface OutcomeRecord {
  id: string;
  sessionId: string;
  patientRating: number | null;
  practitionerRating: number | null;
  notes: string | null;
  /**
   * Who gave `patientRating`: the patient (theirs alone to change from then on), or staff passing it
   * on; null without a rating, or on ratings from before this was kept.
   */
  patientRatingBy: 'patient' | 'staff' | null;
  createdAt: string;
  updatedAt: string;
}
