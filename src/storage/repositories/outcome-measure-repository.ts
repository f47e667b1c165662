import type { HeldSession } from '../../core/outcomes/clinic-results.js';
import type { ListedOutcomeMeasure, OutcomeMeasureRecord } from '../../core/outcomes/outcome-measure-record.js';

export type NewOutcomeMeasure = Omit<OutcomeMeasureRecord, 'id' | 'recordedAt' | 'createdAt' | 'updatedAt'>;

/** A value of one of a clinic's courses, with the course's indication. */
export interface ClinicOutcomeMeasure extends ListedOutcomeMeasure {
  indication: string;
}

/** What a course's results are counted under: the sessions that took place, and the products charted. */
export interface CourseResultFacts {
  courseId: string;
  heldSessions: HeldSession[];
  productIds: string[];
}

export interface OutcomeMeasureRepository {
  /**
   * Stores the value in its slot (the course's baseline or one session, per measure, rater and site),
   * replacing what was there: `created` says whether the slot was empty. A value the patient entered
   * is theirs: staff writing over it change nothing (in the same statement, so nothing slips between)
   * and get back the patient's value, `enteredBy: 'patient'`, for the caller to refuse.
   */
  save(input: NewOutcomeMeasure): Promise<{ record: OutcomeMeasureRecord; created: boolean }>;
  /** The course's values, baseline first, then in session order. */
  listByCourse(courseId: string): Promise<ListedOutcomeMeasure[]>;
  /**
   * Every value of the clinic's courses that have any value recorded in [from, to) (ISO timestamps):
   * a result recorded in the window is judged against its baseline, however long before.
   */
  listForClinic(clinicId: string, recordedFrom: string, recordedTo: string): Promise<ClinicOutcomeMeasure[]>;
  /** For each course given: its held sessions (planned or done, up to `now`) and the products charted in them. */
  courseResultFacts(courseIds: readonly string[], now: string): Promise<CourseResultFacts[]>;
}
