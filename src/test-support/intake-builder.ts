import { parseIntake } from '../core/assessment/parse-intake.js';
import type { Intake } from '../core/assessment/intake-schema.js';
import type { KnowledgeBase } from '../core/knowledge/knowledge-base.js';
import { loadKnowledgeBase } from '../knowledge-files/load-knowledge-base.js';
import { healthyIntake } from './intake-examples.js';

let kb: KnowledgeBase | undefined;
/** The project's knowledge base, loaded once per test file. */
export function testKnowledgeBase(): KnowledgeBase {
  return (kb ??= loadKnowledgeBase());
}

export const REQUEST_DATE = '2026-11-22';

export interface IntakeOverrides {
  patient?: Record<string, unknown>;
  request?: Record<string, unknown>;
}

/** A healthy 35-year-old asking for facial rejuvenation on REQUEST_DATE, with overrides; validated. */
export function makeIntake(overrides: IntakeOverrides = {}): Intake {
  const raw = {
    patient: { ...healthyIntake('1991-03-15', REQUEST_DATE).patient, needleFear: false, ...overrides.patient },
    request: {
      indication: 'skin_rejuvenation',
      area: 'face',
      date: REQUEST_DATE,
      combineWith: [],
      ...overrides.request,
    },
  };
  const parsed = parseIntake(raw);
  if (!parsed.ok) throw new Error(`test intake is invalid: ${JSON.stringify(parsed.problems)}`);
  return parsed.value;
}
