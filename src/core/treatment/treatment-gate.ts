import type { AssessmentResult, Reason, Verdict } from '../assessment/assessment-result.js';
import type { IsoDate } from '../dates/iso-date.js';
import { sourcedFrom } from '../assessment/sourced.js';

/** One thing that stops a session from being treated (charted or marked done) today. */
export interface Blocker extends Reason {
  /** Whether a clinician may go ahead anyway, giving a reason (see `treatmentGate`). */
  overridable: boolean;
}

/** What is known about the patient's screening for the session's day. */
export type SessionScreening =
  /** The patient has no intake: nothing was ever screened. */
  | { kind: 'no_intake' }
  /** The knowledge base cannot assess the course's treatment (it no longer knows it). */
  | { kind: 'unassessable'; problem: string }
  /** The latest intake, assessed for the course's treatment as of the session's date. */
  | { kind: 'assessed'; assessment: AssessmentResult };

export interface TreatmentGateInput {
  screening: SessionScreening;
  /** The session's calendar date where it takes place. */
  sessionDate: IsoDate;
  /** Today, in the same time zone. */
  today: IsoDate;
}

export interface TreatmentGate {
  /** The session's day is after today. */
  future: boolean;
  /** The verdict of the assessment, when there is one. */
  verdict: Verdict | null;
  /** Every blocker, none hidden: the assessment's reasons first, then the session's own. */
  blockers: Blocker[];
  /** Nothing blocks: the session may be treated. */
  allowed: boolean;
  /** Something blocks, and every blocker may be overridden by a clinician with a reason. */
  overridable: boolean;
}

export const sessionInFutureCode = 'SESSION_IN_FUTURE';
export const noIntakeCode = 'NO_INTAKE';
export const unknownTreatmentCode = 'UNKNOWN_TREATMENT';
export const screeningIncompleteCode = 'SCREENING_INCOMPLETE';

/**
 * The sources ask for a detailed examination before every application (allergies, diseases):
 * without an intake there is nothing to judge the session by.
 */
const screeningBeforeTreatment = sourcedFrom(['001_7e8de476e29357da.txt:4']);

/**
 * A reason may be overridden only when it is temporary (a wait, or a decision the prescriber or the
 * clinician can take, such as an NSAID stopped earlier than recorded). An open screening question
 * never is: fail closed means it is answered in the intake, not waved through.
 */
function overridableReason(reason: Reason): boolean {
  return reason.kind === 'temporary' && reason.code !== screeningIncompleteCode;
}

function fromReason(reason: Reason): Blocker {
  return { ...reason, overridable: overridableReason(reason) };
}

/**
 * Whether a session may be treated on its day. Pure: the caller re-assesses the patient's latest
 * intake for the session's date and treatment, and works out both dates in the clinic's time zone.
 *
 * Blocked are: every reason of a `contraindicated` or `defer` assessment; a session whose day has
 * not come (it cannot have been given yet); a patient with no intake; a treatment the knowledge base
 * cannot assess. Only the temporary reasons of a deferred assessment may be overridden, and only when
 * nothing else blocks.
 */
export function treatmentGate(input: TreatmentGateInput): TreatmentGate {
  const { screening, sessionDate, today } = input;
  const blockers: Blocker[] = [];
  let verdict: Verdict | null = null;
  if (screening.kind === 'assessed') {
    verdict = screening.assessment.verdict;
    if (verdict === 'contraindicated' || verdict === 'defer')
      blockers.push(...screening.assessment.reasons.map(fromReason));
  } else if (screening.kind === 'no_intake') {
    blockers.push({
      code: noIntakeCode,
      kind: 'temporary',
      message: 'The patient has no intake: take the screening intake before treating.',
      ...screeningBeforeTreatment,
      overridable: false,
    });
  } else {
    blockers.push({
      code: unknownTreatmentCode,
      kind: 'temporary',
      message: `The knowledge base cannot assess this course: ${screening.problem}`,
      sources: [],
      citations: [],
      overridable: false,
    });
  }
  const future = sessionDate > today;
  if (future)
    blockers.push({
      code: sessionInFutureCode,
      kind: 'temporary',
      until: sessionDate,
      message: `The session is on ${sessionDate}, after today (${today}): it can be charted on its day or later.`,
      sources: [],
      citations: [],
      overridable: false,
    });
  const allowed = blockers.length === 0;
  return { future, verdict, blockers, allowed, overridable: !allowed && blockers.every((b) => b.overridable) };
}

/** One line naming every blocker, for error messages. */
export function describeBlockers(gate: TreatmentGate): string {
  const list = gate.blockers.map((b) => `${b.code} (${b.message})`).join('; ');
  const what = gate.overridable ? 'a clinician may override it, giving a reason' : 'it cannot be overridden';
  return `the session cannot be treated: ${list}; ${what}`;
}
