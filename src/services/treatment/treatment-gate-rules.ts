import type { KnowledgeBase } from '../../core/knowledge/knowledge-base.js';
import { allergensNamedIn } from '../../core/treatment/allergy-terms.js';
import { valuesOutsidePlan } from '../../core/treatment/outside-plan.js';
import { describeBlockers, type TreatmentGate } from '../../core/treatment/treatment-gate.js';
import type { NewTreatmentOverride } from '../../storage/repositories/chart-repository.js';
import type { TreatmentOverrideRecord } from '../../core/records/index.js';
import { DomainError } from '../domain-errors.js';
import type { ChartedPoint } from './charted-point.js';
import type { SessionTreatmentCheck } from './treatment-check.js';

/** 409 naming every blocker, and whether an override would be accepted. */
export function treatmentBlocked(gate: TreatmentGate): DomainError {
  return new DomainError('conflict', 'treatment_blocked', describeBlockers(gate), {
    verdict: gate.verdict,
    reasons: gate.blockers,
    overridable: gate.overridable,
  });
}

/** The override to store, minus who stores it and where. */
export type GrantedOverride = Omit<NewTreatmentOverride, 'sessionId' | 'chartEntryId' | 'createdBy'>;

/**
 * Lets the session be treated, or throws 409 `treatment_blocked`. A blocked session goes ahead only
 * when every blocker may be overridden and a clinician gives their reason now, or gave one for the
 * same reasons when marking the session done (`earlier`). Returns the override to store: null when
 * nothing blocks (an override sent anyway is not recorded: there was nothing to override) or an
 * earlier one covers it.
 */
export function resolveOverride(
  gate: TreatmentGate,
  requested: { reason: string } | null | undefined,
  earlier: readonly TreatmentOverrideRecord[] = [],
): GrantedOverride | null {
  if (gate.allowed) return null;
  if (!gate.overridable) throw treatmentBlocked(gate);
  const codes = gate.blockers.map((b) => b.code);
  if (requested) return { reason: requested.reason, verdict: gate.verdict ?? 'defer', reasons: codes };
  const covered = earlier.some((o) => o.chartEntryId === null && codes.every((code) => o.reasons.includes(code)));
  if (covered) return null;
  throw treatmentBlocked(gate);
}

/**
 * 409 `anaesthetic_allergy` when the anaesthetic used names, after the knowledge base's aliases, a
 * substance the patient is allergic to. Never overridable: there is always the choice of no cream.
 */
export function assertAnaestheticTolerated(
  entry: { anaesthesiaUsed: boolean; anaesthesiaAgent?: string | null },
  check: SessionTreatmentCheck,
  kb: KnowledgeBase,
): void {
  if (!entry.anaesthesiaUsed || !entry.anaesthesiaAgent) return;
  const allergens = allergensNamedIn(entry.anaesthesiaAgent, check.allergens, kb);
  if (allergens.length === 0) return;
  throw new DomainError(
    'conflict',
    'anaesthetic_allergy',
    `the patient is allergic to ${allergens.join(', ')}, which the anaesthetic "${entry.anaesthesiaAgent}" names: it cannot be used (treat without numbing cream)`,
    { allergen: allergens[0], allergens },
  );
}

/**
 * Depths (and volumes, where the plan has a range) outside the plan need the clinician's
 * confirmation: 409 `outside_plan` naming each value without it. Returns whether any value was
 * outside (and so confirmed).
 */
export function assertWithinPlanOrConfirmed(
  points: readonly ChartedPoint[],
  check: SessionTreatmentCheck,
  confirmed: boolean | undefined,
): boolean {
  if (!check.plan) return false;
  const outside = valuesOutsidePlan(points, check.plan);
  if (outside.length === 0) return false;
  if (confirmed) return true;
  const list = outside.map((o) => `${o.field} = ${o.value} (plan ${o.range.min}-${o.range.max})`).join('; ');
  throw new DomainError(
    'conflict',
    'outside_plan',
    `values outside the plan: ${list}; confirm them (confirmOutsidePlan) to chart`,
    { points: outside },
  );
}
