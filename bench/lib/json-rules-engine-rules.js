// The contraindication rules of knowledge/contraindications.yaml, encoded for json-rules-engine, the
// peer the assessment engine is measured against. Facts are derived from the intake beforehand (which
// favours the peer: mesodesk's figure includes that work).
import { Engine } from 'json-rules-engine';
import { withCanonicalCodes } from '../../dist/core/assessment/canonical-codes.js';
import { openQuestions } from '../../dist/core/assessment/open-questions.js';

const DAY = 86_400_000;
const days = (from, to) => Math.round((Date.parse(to) - Date.parse(from)) / DAY);

/** The knowledge base each engine reads codes and screening questions from (see createEngine). */
const knowledgeBases = new WeakMap();

export function factsFor(written, kb) {
  // Aliases and open screening questions come from the knowledge base, as mesodesk reads them.
  const intake = withCanonicalCodes(written, kb);
  const { patient: p, request: r } = intake;
  const age = (() => {
    const [by, bm, bd] = p.birthDate.split('-').map(Number);
    const [y, m, d] = r.date.split('-').map(Number);
    return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
  })();
  const has = (code) => p.conditions.some((c) => c.code === code);
  const recentMed = (classes, window) =>
    p.medications.some(
      (m) => classes.includes(m.class) && (m.ongoing || !m.lastDose || days(m.lastDose, r.date) < window),
    );
  const recentProc = (types, window) =>
    p.recentProcedures.some(
      (x) => types.includes(x.type) && (!x.date || (days(x.date, r.date) >= 0 && days(x.date, r.date) < window)),
    );
  return {
    age,
    pregnant: p.pregnant === true,
    breastfeeding: p.breastfeeding === true,
    stroke: has('stroke'),
    paralysis: has('paralysis'),
    insulinDiabetes:
      p.conditions.some((c) => c.code === 'diabetes' && c.insulinDependent === true) ||
      p.medications.some((m) => m.class === 'insulin'),
    cancer: has('cancer'),
    bleeding: has('bleeding_disorder'),
    unknownAllergy: p.allergies.some((a) => a.substance === 'unknown'),
    urticaria: has('urticaria'),
    heartMedicationCount: Math.max(
      -1,
      ...p.conditions.filter((c) => c.code === 'heart_disease').map((c) => c.medicationCount ?? -1),
    ),
    uncontrolled: p.conditions.some((c) => c.controlled === false),
    inflammation: p.site.inflammation === true,
    skinDamage: p.site.skinDamage === true,
    nsaid: recentMed(['nsaid'], 7),
    anticoagulant: recentMed(['anticoagulant', 'antiplatelet'], 7),
    laserOrPeel: recentProc(['laser', 'peel'], 7),
    antibiotics: recentMed(['antibiotic'], 7),
    transplant: (r.area === 'scalp' || r.indication === 'hair_loss') && recentProc(['hair_transplant'], 183),
    screeningIncomplete: openQuestions(intake, age, kb).length > 0,
  };
}

const flag = (fact, code, kind) => ({
  conditions: { all: [{ fact, operator: 'equal', value: true }] },
  event: { type: code, params: { kind } },
});

export function createEngine(kb) {
  const engine = new Engine([], { allowUndefinedFacts: true });
  knowledgeBases.set(engine, kb);
  engine.addRule({
    conditions: { all: [{ fact: 'age', operator: 'lessThan', value: 18 }] },
    event: { type: 'AGE_UNDER_18', params: { kind: 'absolute' } },
  });
  for (const [fact, code] of [
    ['pregnant', 'PREGNANCY'],
    ['breastfeeding', 'BREASTFEEDING'],
    ['stroke', 'STROKE_HISTORY'],
    ['paralysis', 'PARALYSIS_HISTORY'],
    ['insulinDiabetes', 'INSULIN_DEPENDENT_DIABETES'],
    ['cancer', 'CANCER'],
    ['bleeding', 'BLEEDING_DISORDER'],
    ['unknownAllergy', 'INGREDIENT_ALLERGY'],
    ['urticaria', 'URTICARIA'],
  ])
    engine.addRule(flag(fact, code, 'absolute'));
  engine.addRule({
    conditions: { all: [{ fact: 'heartMedicationCount', operator: 'greaterThanInclusive', value: 1 }] },
    event: { type: 'HEART_DISEASE_MEDICATED', params: { kind: 'absolute' } },
  });
  for (const [fact, code] of [
    ['inflammation', 'ACTIVE_INFLAMMATION_AT_SITE'],
    ['skinDamage', 'SKIN_DAMAGE_AT_SITE'],
    ['nsaid', 'NSAID_WITHIN_7_DAYS'],
    ['anticoagulant', 'ANTICOAGULANT'],
    ['laserOrPeel', 'RECENT_LASER_OR_PEEL'],
    ['antibiotics', 'CURRENT_ANTIBIOTICS'],
    ['transplant', 'HAIR_TRANSPLANT_UNDER_6_MONTHS'],
    ['uncontrolled', 'UNCONTROLLED_SYSTEMIC_DISEASE'],
    ['screeningIncomplete', 'SCREENING_INCOMPLETE'],
  ])
    engine.addRule(flag(fact, code, 'temporary'));
  return engine;
}

export async function verdictWithJsonRulesEngine(engine, intake) {
  const { events } = await engine.run(factsFor(intake, knowledgeBases.get(engine)));
  if (events.some((e) => e.params.kind === 'absolute'))
    return { verdict: 'contraindicated', codes: events.map((e) => e.type) };
  return { verdict: events.length ? 'defer' : 'eligible', codes: events.map((e) => e.type) };
}
