/**
 * The assessment result in full. The OpenAPI document describes only its outline (and allows the
 * rest), so the screens use the core's own types: one definition, checked by both builds.
 * Type-only: nothing of src/core is bundled.
 */
export type {
  AssessmentResult,
  ConflictReport,
  Plan,
  PlanExpectedEffect,
  Precaution,
  Range,
  Reason,
  Sourced,
  TimedInstruction,
  Verdict,
} from '../../../src/core/assessment/assessment-result';
