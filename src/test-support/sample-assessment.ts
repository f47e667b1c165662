import type { AssessmentResult, Plan } from '../core/assessment/assessment-result.js';
import type { Intake } from '../core/assessment/intake-schema.js';

/**
 * Hand-written shapes for storage tests, which store and return results without judging them.
 * Server tests use the real `assess` and knowledge base instead.
 */

export function sampleIntake(
  overrides: { birthDate?: string; indication?: string; area?: string; date?: string } = {},
): Intake {
  return {
    patient: {
      birthDate: overrides.birthDate ?? '1990-04-12',
      sex: 'female',
      conditions: [],
      medications: [],
      allergies: [],
      recentProcedures: [],
      site: {},
    },
    request: {
      indication: overrides.indication ?? 'hair_loss',
      area: overrides.area ?? 'scalp',
      date: overrides.date ?? '2026-11-22',
      combineWith: [],
    },
  };
}

const sourced = { sources: ['000_28eead5230689bfd.txt'], citations: ['000_28eead5230689bfd.txt:1'] };

export function samplePlan(indication = 'hair_loss', area = 'scalp'): Plan {
  const range = (min: number, max: number) => ({ min, max, ...sourced });
  return {
    ...sourced,
    indication,
    area,
    sessions: { min: 4, max: 10 },
    intervalDays: { min: 7, max: 14 },
    protocol: { id: `${indication}_${area}`, generic: false, note: '' },
    maintenance: { ...sourced, note: '' },
    depthMm: range(1, 2),
    mixture: { ...sourced, id: 'mixture', name: 'Mixture', ingredients: [], excluded: [], note: '' },
    anaesthesia: {
      ...sourced,
      creamOffered: true,
      agent: 'lidocaine cream',
      leadMinutes: { min: 20, max: 30 },
      note: '',
    },
    durationMinutes: range(20, 40),
    resultsExpected: { ...sourced, afterSession: { min: 3, max: 4 }, note: '' },
    preparation: [],
    aftercare: [],
    expectedSideEffects: [],
  };
}

export function sampleResult(
  verdict: AssessmentResult['verdict'] = 'eligible',
  kbVersion = '1.0.0+test',
): AssessmentResult {
  return {
    verdict,
    reasons: [],
    precautions: [],
    ...(verdict === 'contraindicated' ? {} : { plan: samplePlan() }),
    conflicts: [],
    knowledgeBase: { version: kbVersion },
  };
}
