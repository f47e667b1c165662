import type { IsoDate } from '../dates/iso-date.js';

/** The assessment result of the contract (shared/contract/assessment.md), plus extra fields it welcomes. */

export const verdicts = ['contraindicated', 'defer', 'eligible_with_precautions', 'eligible'] as const;
export type Verdict = (typeof verdicts)[number];

/**
 * `sources` lists seed file names, as the contract asks; `citations` adds the line of each
 * ("000_28eead5230689bfd.txt:101") so a reader can open the exact passage.
 */
export interface Sourced {
  sources: string[];
  citations: string[];
}

export interface Reason extends Sourced {
  code: string;
  kind: 'absolute' | 'temporary';
  until?: IsoDate;
  message: string;
  /**
   * SCREENING_INCOMPLETE only: every open screening question, by field path
   * (`patient.pregnant`, `patient.conditions[1].controlled`, `patient.allergies[0].substance`).
   */
  questions?: string[];
  /** Ids of the conflicts (in `conflicts`) that this reason relied on. */
  conflictIds?: string[];
}

export interface Precaution extends Sourced {
  code: string;
  message: string;
  /** Machine-readable specifics, e.g. `{ excluded: ['hyaluronidase'] }`. */
  details?: Record<string, unknown>;
}

export interface Range {
  min: number;
  max: number;
}

export interface SourcedRange extends Range, Sourced {}

export interface MixtureIngredient {
  id: string;
  name: string;
}

export interface PlanMixture extends Sourced {
  id: string;
  name: string;
  ingredients: MixtureIngredient[];
  /** Non-essential ingredients left out for an allergy (conflict `allergy_history`). */
  excluded: MixtureIngredient[];
  note: string;
}

export interface PlanAnaesthesia extends Sourced {
  /** Whether numbing cream may be offered to this patient. */
  creamOffered: boolean;
  agent: string;
  leadMinutes: Range;
  note: string;
}

export interface PlanMaintenance extends Sourced {
  intervalMonths?: Range;
  note: string;
}

export interface PlanResults extends Sourced {
  afterSession: Range;
  note: string;
}

export interface TimedInstruction extends Sourced {
  code: string;
  text: string;
  /** Hours before the session (preparation) or after it (aftercare) that the instruction covers. */
  hours: Range;
  /** Only for some areas (e.g. body areas); absent when it applies everywhere. */
  areas?: string[];
}

export interface PlanExpectedEffect extends Sourced {
  code: string;
  text: string;
  usualHours: Range;
}

export interface Plan extends Sourced {
  indication: string;
  area: string;
  /** Initial course. */
  sessions: Range;
  intervalDays: Range;
  protocol: { id: string; generic: boolean; note: string };
  laterIntervalDays?: SourcedRange & { note: string };
  maintenance: PlanMaintenance;
  depthMm: SourcedRange;
  mixture: PlanMixture;
  anaesthesia: PlanAnaesthesia;
  durationMinutes: SourcedRange;
  resultsExpected: PlanResults;
  preparation: TimedInstruction[];
  aftercare: TimedInstruction[];
  expectedSideEffects: PlanExpectedEffect[];
}

export interface ConflictStatement {
  citation: string;
  source: string;
  says: string;
}

export interface ConflictReport extends Sourced {
  id: string;
  topic: string;
  statements: ConflictStatement[];
  applied: string;
}

export interface AssessmentResult {
  verdict: Verdict;
  reasons: Reason[];
  precautions: Precaution[];
  plan?: Plan;
  conflicts: ConflictReport[];
  knowledgeBase: { version: string };
}
