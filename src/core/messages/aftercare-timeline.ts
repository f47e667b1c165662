import type { TimedInstruction } from '../assessment/assessment-result.js';
import { safeInstructions } from './blood-thinner-safety.js';
import { addHours } from './local-clock.js';

export interface AftercareStep {
  /** When these instructions end: the session's end plus each item's `hours.max` (the countdown rule). */
  untilMs: number;
  texts: string[];
}

/** The aftercare items grouped by the instant they end, earliest first; items keep the plan's order within a group. */
export function aftercareTimeline(sessionEndMs: number, items: readonly TimedInstruction[]): AftercareStep[] {
  const steps = new Map<number, string[]>();
  for (const item of safeInstructions(items)) {
    const until = addHours(sessionEndMs, item.hours.max);
    const texts = steps.get(until) ?? [];
    texts.push(item.text);
    steps.set(until, texts);
  }
  return [...steps.entries()].sort(([a], [b]) => a - b).map(([untilMs, texts]) => ({ untilMs, texts }));
}
