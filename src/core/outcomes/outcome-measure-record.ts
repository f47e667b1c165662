import type { MeasureCode, Rater } from './outcome-measures.js';

/** Who entered a value: the patient themselves (then it is theirs alone to change), or staff. */
export type EnteredBy = 'patient' | 'staff';

/** One stored value of a standard outcome measure. */
export interface OutcomeMeasureRecord {
  id: string;
  patientId: string;
  courseId: string;
  /** Null for a baseline value, taken before the first session. */
  sessionId: string | null;
  measure: MeasureCode;
  rater: Rater;
  site: string | null;
  value: number;
  enteredBy: EnteredBy;
  recordedBy: string | null;
  recordedAt: string;
  createdAt: string;
  updatedAt: string;
}

/** A stored value with when its session took place (null at baseline). */
export interface ListedOutcomeMeasure extends OutcomeMeasureRecord {
  sessionAt: string | null;
}
