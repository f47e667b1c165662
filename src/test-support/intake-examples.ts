import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { nothingToReport } from '../core/assessment/nothing-to-report.js';

/** The examples/ requests of this checkout, as the contract's JSON (assessment-route tests post them unchanged). */
export function exampleRequest(name: string): Record<string, unknown> {
  const file = fileURLToPath(new URL(`../../examples/${name}.json`, import.meta.url));
  return JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
}

/** A healthy adult asking for hair-loss treatment: eligible, with a plan. */
export function healthyIntake(birthDate = '1991-03-15', date = '2026-11-22') {
  return {
    patient: {
      birthDate,
      sex: 'female',
      // Pregnancy answered, as the contract's Policy asks of a woman of 12 to 55: an open question would defer her.
      ...nothingToReport(),
    },
    request: { indication: 'hair_loss', area: 'scalp', date, combineWith: [] },
  };
}
