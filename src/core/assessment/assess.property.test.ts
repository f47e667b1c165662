import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeIntake, testKnowledgeBase } from '../../test-support/intake-builder.js';
import { assess } from './assess.js';
import type { AssessmentResult, Sourced, Verdict } from './assessment-result.js';

const kb = testKnowledgeBase();
const severity: Record<Verdict, number> = { eligible: 0, eligible_with_precautions: 1, defer: 2, contraindicated: 3 };

const date = fc.integer({ min: -400, max: 30 }).map((d) => new Date(Date.UTC(2026, 10, 22 + d)).toISOString().slice(0, 10));
const maybe = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });
const ingredientIds = [...kb.ingredients.keys()];
const indicationAreas = [...kb.indications.values()].flatMap((i) => [...i.areas.map((a) => [i.id, a] as const), [i.id, 'face'] as const]);

const patientArb = fc.record({
  birthDate: fc.integer({ min: 1930, max: 2012 }).map((y) => `${y}-06-15`),
  pregnant: fc.boolean(),
  breastfeeding: fc.boolean(),
  needleFear: fc.boolean(),
  site: fc.record({ inflammation: fc.boolean(), skinDamage: fc.boolean() }),
  conditions: fc.array(
    fc.record({
      code: fc.constantFrom('diabetes', 'hypertension', 'heart_disease', 'cancer', 'stroke', 'asthma', 'hair_transplant'),
      controlled: maybe(fc.boolean()),
      insulinDependent: maybe(fc.boolean()),
      active: maybe(fc.boolean()),
      medicationCount: maybe(fc.integer({ min: 0, max: 3 })),
      date: maybe(date),
    }),
    { maxLength: 3 },
  ),
  medications: fc.array(
    fc.record({ class: fc.constantFrom('nsaid', 'anticoagulant', 'antiplatelet', 'antibiotic', 'insulin', 'other'), lastDose: maybe(date), ongoing: maybe(fc.boolean()) }),
    { maxLength: 3 },
  ),
  allergies: fc.array(fc.record({ substance: fc.constantFrom(...ingredientIds, 'unknown', 'latex') }), { maxLength: 2 }),
  recentProcedures: fc.array(fc.record({ type: fc.constantFrom('laser', 'peel', 'botox', 'filler', 'hair_transplant', 'prp'), date: maybe(date) }), { maxLength: 2 }),
});
const requestArb = fc.record({ pair: fc.constantFrom(...indicationAreas), combineWith: fc.array(fc.constantFrom('botox', 'filler', 'prp'), { maxLength: 2 }) });
const strip = <T extends object>(o: T) => JSON.parse(JSON.stringify(o)) as Record<string, unknown>;
const run = (patient: object, request: { pair: readonly [string, string]; combineWith: string[] }) =>
  assess(makeIntake({ patient: strip(patient), request: { indication: request.pair[0], area: request.pair[1], combineWith: request.combineWith } }), kb);

/** Intake changes that each add one absolute contraindication. */
const absoluteAdditions: ((p: Record<string, any>) => void)[] = [
  (p) => (p.pregnant = true),
  (p) => (p.breastfeeding = true),
  (p) => (p.birthDate = '2015-01-01'),
  (p) => p.conditions.push({ code: 'stroke' }),
  (p) => p.conditions.push({ code: 'bleeding_disorder' }),
  (p) => p.conditions.push({ code: 'urticaria' }),
  (p) => p.conditions.push({ code: 'hypertension', controlled: false }),
  (p) => p.conditions.push({ code: 'heart_disease', medicationCount: 2 }),
  (p) => p.allergies.push({ substance: 'unknown' }),
];

function everySourced(result: AssessmentResult): boolean {
  const parts: Sourced[] = [...result.reasons, ...result.precautions, ...result.conflicts];
  if (result.plan) {
    const p = result.plan;
    parts.push(p, p.maintenance, p.depthMm, p.mixture, p.anaesthesia, p.durationMinutes, p.resultsExpected, ...p.preparation, ...p.aftercare, ...p.expectedSideEffects);
    if (p.laterIntervalDays) parts.push(p.laterIntervalDays);
  }
  return parts.every((x) => x.sources.length > 0 && x.citations.length > 0);
}

describe('assessment properties', () => {
  it('adding an absolute contraindication never yields a less restrictive verdict (it yields contraindicated)', () => {
    fc.assert(
      fc.property(patientArb, requestArb, fc.constantFrom(...absoluteAdditions.keys()), (patient, request, which) => {
        const before = run(patient, request);
        const worse = strip(patient) as Record<string, any>;
        absoluteAdditions[which]!(worse);
        const after = run(worse, request);
        expect(severity[after.verdict]).toBeGreaterThanOrEqual(severity[before.verdict]);
        expect(after.verdict).toBe('contraindicated');
      }),
      { numRuns: 400 },
    );
  });

  it('every reason, precaution, conflict and plan part carries at least one source', () => {
    fc.assert(fc.property(patientArb, requestArb, (patient, request) => everySourced(run(patient, request))), { numRuns: 400 });
  });

  it('the verdict follows the reasons: absolute -> contraindicated, temporary -> defer, and a plan unless contraindicated', () => {
    fc.assert(
      fc.property(patientArb, requestArb, (patient, request) => {
        const r = run(patient, request);
        const absolute = r.reasons.some((x) => x.kind === 'absolute');
        expect(r.verdict === 'contraindicated').toBe(absolute);
        expect(r.verdict === 'defer').toBe(!absolute && r.reasons.length > 0);
        expect(r.plan === undefined).toBe(absolute);
        for (const reason of r.reasons) if (reason.until) expect(reason.until > makeIntake().request.date).toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  it('nothing in a result tells the patient to stop an anticoagulant or antiplatelet', () => {
    fc.assert(
      fc.property(patientArb, requestArb, (patient, request) => {
        const text = JSON.stringify(run(patient, request));
        expect(text).not.toMatch(/stop (taking )?(your |the |any )?(prescribed )?(anticoagulant|antiplatelet|blood thinner)/i);
      }),
      { numRuns: 200 },
    );
  });
});
