import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import { normaliseTerm } from '../knowledge/knowledge-base.js';
import type { ConditionAttribute, PatientQuestion } from '../knowledge/schema/screening-schema.js';
import { UNKNOWN_ALLERGEN } from './allergy-analysis.js';
import { recognisedCondition, recognisedProcedure } from './canonical-codes.js';
import type { Intake } from './intake-schema.js';

/**
 * The screening questions an intake leaves open (the contract's Policy, "Fail closed"), each named by
 * its field path: `patient.pregnant`, `patient.conditions[1].controlled`, `patient.allergies[0].substance`.
 * An open question is never read as "no": any of them makes the assessment wait (SCREENING_INCOMPLETE).
 * What must be answered is data (knowledge/screening.yaml); this only reads the intake against it.
 */

interface ScreeningNeeds {
  patientQuestions: readonly PatientQuestion[];
  /** The attributes each recognised condition must give. */
  requires: ReadonlyMap<string, readonly ConditionAttribute[]>;
}

const needsCache = new WeakMap<KnowledgeBase, ScreeningNeeds>();

function needsOf(kb: KnowledgeBase): ScreeningNeeds {
  let needs = needsCache.get(kb);
  if (!needs) {
    const { screening } = kb.data;
    needs = {
      patientQuestions: screening.patientQuestions,
      requires: new Map(screening.conditions.map((c) => [c.code, c.requires])),
    };
    needsCache.set(kb, needs);
  }
  return needs;
}

const NONE: readonly string[] = Object.freeze([]);
const NO_ATTRIBUTES: readonly ConditionAttribute[] = Object.freeze([]);

/** `age` is the patient's age in whole years on the request date. Returns a shared empty list when nothing is open. */
export function openQuestions(intake: Intake, age: number, kb: KnowledgeBase): readonly string[] {
  const { patient } = intake;
  const needs = needsOf(kb);
  // Allocated only when a question is open: most intakes answer everything.
  let open: string[] | undefined;

  for (const q of needs.patientQuestions)
    if (
      patient[q.field] === undefined &&
      age >= q.ages.min &&
      age <= q.ages.max &&
      !(patient.sex !== undefined && q.exceptSex.includes(patient.sex))
    )
      (open ??= []).push(`patient.${q.field}`);

  for (let i = 0; i < patient.conditions.length; i++) {
    const c = patient.conditions[i]!;
    const code = recognisedCondition(kb, c.code);
    if (code === undefined) {
      if (c.reviewed !== true) (open ??= []).push(`patient.conditions[${i}].code`);
      continue;
    }
    for (const attribute of needs.requires.get(code) ?? NO_ATTRIBUTES)
      if (c[attribute] === undefined) (open ??= []).push(`patient.conditions[${i}].${attribute}`);
  }

  for (let i = 0; i < patient.allergies.length; i++) {
    const a = patient.allergies[i]!;
    if (a.reviewed === true) continue;
    const term = normaliseTerm(a.substance);
    if (term !== UNKNOWN_ALLERGEN && !kb.ingredientLookup.has(term))
      (open ??= []).push(`patient.allergies[${i}].substance`);
  }

  for (let i = 0; i < patient.recentProcedures.length; i++) {
    const p = patient.recentProcedures[i]!;
    if (p.reviewed !== true && recognisedProcedure(kb, p.type) === undefined)
      (open ??= []).push(`patient.recentProcedures[${i}].type`);
  }

  return open ?? NONE;
}
