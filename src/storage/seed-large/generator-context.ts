import type { AssessmentResult, Plan } from '../../core/assessment/assessment-result.js';
import type { KnowledgeBase } from '../../core/knowledge/knowledge-base.js';
import type { LargeClinicSetup } from './large-clinic-setup.js';
import type { PractitionerCalendar } from './practitioner-calendar.js';
import type { SeededRandom } from './seeded-random.js';

/** Everything one patient's records are generated from; shared by all patients of a run. */
export interface GeneratorContext {
  kb: KnowledgeBase;
  random: SeededRandom;
  newId: (ms: number) => string;
  setup: LargeClinicSetup;
  calendar: PractitionerCalendar;
  /** Day numbers of the first day of the history and of today; `nowMs` is the generation's "now". */
  historyStartDay: number;
  todayDay: number;
  nowMs: number;
  passwordHash: string;
  emailDomain: string;
  /** How many patients the run generates: registrations are spread over the history in serial order. */
  totalPatients: number;
  /** Triage results by their inputs (the core's result depends on nothing else). */
  triageTexts: Map<string, string>;
  /** The stored text of assessment results, one shared string per distinct result (see frozen-json.ts). */
  resultText: (result: AssessmentResult) => string;
  /** The stored text of course plans, likewise. */
  planText: (plan: Plan) => string;
}

export const DAY = 86_400_000;
export const MINUTE = 60_000;
let lastIsoMs = Number.NaN;
let lastIso = '';
/** ISO text of a time; rows made together share their times, so the last one is remembered. */
export function iso(ms: number): string {
  if (ms !== lastIsoMs) {
    lastIsoMs = ms;
    lastIso = new Date(ms).toISOString();
  }
  return lastIso;
}

export const roundTo = (value: number, step: number) => Math.round(value / step) * step;
