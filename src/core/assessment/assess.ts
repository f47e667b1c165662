import { ageInYears } from '../dates/iso-date.js';
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import { analyseAllergies } from './allergy-analysis.js';
import { takesBloodThinner } from '../messages/blood-thinner-safety.js';
import type { AssessmentResult, ConflictReport, Plan, Precaution, Reason, Verdict } from './assessment-result.js';
import { buildPlan, planConflictIds, type PlanInputs } from './build-plan.js';
import { withCanonicalCodes } from './canonical-codes.js';
import { compiledRules } from './compiled-rules.js';
import { deepFreeze } from '../deep-freeze.js';
import type { RuleContext } from './evaluate-condition.js';
import type { Intake } from './intake-schema.js';
import { openQuestions } from './open-questions.js';
import { sourcedFrom } from './sourced.js';

export class UnknownCodeError extends Error {
  constructor(
    readonly field: string,
    readonly problem: string,
  ) {
    super(`${field}: ${problem}`);
    this.name = 'UnknownCodeError';
  }
}

function verdictOf(reasons: Reason[], precautions: Precaution[]): Verdict {
  if (reasons.some((r) => r.kind === 'absolute')) return 'contraindicated';
  if (reasons.length > 0) return 'defer';
  if (precautions.length > 0) return 'eligible_with_precautions';
  return 'eligible';
}

/** Plans and conflict lists depend on few inputs, so each is built once per knowledge base and shared (frozen). */
const planCache = new WeakMap<KnowledgeBase, Map<string, { plan: Plan; conflictIds: string[] }>>();
const conflictCache = new WeakMap<KnowledgeBase, Map<string, ConflictReport[]>>();

function cached<V>(store: WeakMap<KnowledgeBase, Map<string, V>>, kb: KnowledgeBase, key: string, build: () => V): V {
  let map = store.get(kb);
  if (!map) store.set(kb, (map = new Map()));
  let value = map.get(key);
  if (value === undefined) map.set(key, (value = deepFreeze(build())));
  return value;
}

function planFor(kb: KnowledgeBase, inputs: PlanInputs) {
  const key = `${inputs.indication.id}|${inputs.area.id}|${inputs.creamOffered}|${inputs.bloodThinner}|${inputs.allergy.excluded.join(',')}`;
  return cached(planCache, kb, key, () => ({
    plan: buildPlan(kb, inputs),
    conflictIds: planConflictIds(kb, inputs.protocol, inputs.area),
  }));
}

function conflictReports(kb: KnowledgeBase, ids: string[]): ConflictReport[] {
  return cached(conflictCache, kb, ids.join(','), () => {
    const wanted = new Set(ids);
    return kb.data.conflicts.conflicts
      .filter((c) => wanted.has(c.id))
      .map((c) => ({
        id: c.id,
        topic: c.topic,
        statements: c.statements.map((s) => ({
          citation: s.citation,
          source: s.citation.slice(0, s.citation.lastIndexOf(':')),
          says: s.says,
        })),
        applied: c.applied,
        ...sourcedFrom(c.sources),
      }));
  });
}

/**
 * Assesses one validated intake (see `parseIntake`) against the knowledge base: may the patient be
 * treated, why, and with which plan. Pure and deterministic: the same input gives the same output.
 * Throws `UnknownCodeError` for an indication or area the knowledge base does not know.
 */
export function assess(written: Intake, kb: KnowledgeBase): AssessmentResult {
  // Rules see the knowledge base's own codes: "atrial fibrillation" is heart disease to them.
  const intake = withCanonicalCodes(written, kb);
  const { request, patient } = intake;
  const indication = kb.indications.get(request.indication);
  if (!indication)
    throw new UnknownCodeError(
      'request.indication',
      `unknown indication "${request.indication}" (known: ${[...kb.indications.keys()].join(', ')})`,
    );
  const area = kb.areas.get(request.area);
  if (!area)
    throw new UnknownCodeError(
      'request.area',
      `unknown area "${request.area}" (known: ${[...kb.areas.keys()].join(', ')})`,
    );
  const protocol = kb.protocols.get(indication.protocol)!;
  const mixture = kb.mixtures.get(indication.mixture)!;
  const rules = compiledRules(kb);

  const age = ageInYears(patient.birthDate, request.date);
  const ctx: RuleContext = {
    intake,
    age,
    allergy: analyseAllergies(patient, mixture, kb),
    areaListed: indication.areas.includes(area.id),
    openQuestions: openQuestions(intake, age, kb),
  };
  const conflictIds: string[] = [];

  const reasons: Reason[] = [];
  for (const { rule, test } of rules.contraindications) {
    const match = test(ctx);
    if (!match.matched) continue;
    const reason: Reason = { code: rule.code, kind: rule.kind, message: rule.message, ...sourcedFrom(rule.sources) };
    if (rule.kind === 'temporary' && !match.openEnded && match.until) reason.until = match.until;
    if ('screeningIncomplete' in rule.when) reason.questions = [...ctx.openQuestions];
    if (rule.conflicts) {
      reason.conflictIds = rule.conflicts;
      conflictIds.push(...rule.conflicts);
    }
    reasons.push(reason);
  }

  const precautions: Precaution[] = [];
  for (const { rule, test } of rules.precautions) {
    if (!test(ctx).matched) continue;
    const precaution: Precaution = { code: rule.code, message: rule.message, ...sourcedFrom(rule.sources) };
    if (rule.code === 'ALLERGEN_EXCLUDED') precaution.details = { excluded: [...ctx.allergy.excluded] };
    if (rule.code === 'SPECIALIST_DECISION') precaution.details = { combineWith: [...request.combineWith] };
    if (rule.conflicts) conflictIds.push(...rule.conflicts);
    precautions.push(precaution);
  }

  const verdict = verdictOf(reasons, precautions);
  const result: AssessmentResult = {
    verdict,
    reasons,
    precautions,
    conflicts: [],
    knowledgeBase: { version: kb.version },
  };
  if (verdict !== 'contraindicated') {
    const creamOffered = !precautions.some((p) => p.code === 'NO_ANAESTHETIC_CREAM');
    const { plan, conflictIds: planConflicts } = planFor(kb, {
      indication,
      area,
      protocol,
      mixture,
      allergy: ctx.allergy,
      creamOffered,
      bloodThinner: takesBloodThinner(patient.medications),
    });
    result.plan = plan;
    conflictIds.push(...planConflicts);
  }
  result.conflicts = conflictReports(kb, conflictIds);
  return result;
}
