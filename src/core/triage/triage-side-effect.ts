import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import type { SideEffect } from '../knowledge/schema/care-schema.js';
import { sourcedFrom } from '../assessment/sourced.js';
import type { Sourced } from '../assessment/assessment-result.js';

export const triageLevels = ['expected', 'review', 'urgent'] as const;
export type TriageLevel = (typeof triageLevels)[number];

export interface SideEffectReport {
  /** What the patient or practitioner describes, in their words. */
  symptoms: string;
  /** Side-effect codes already chosen (e.g. from a form); added to what the words match. */
  codes?: string[];
  severity?: 'mild' | 'moderate' | 'severe';
  /** The area treated in the session, e.g. `periorbital`. */
  area?: string;
  /** When the session ended, when the symptom began, and now - ISO instants; the core keeps no clock. */
  sessionAt: string;
  onsetAt: string;
  now: string;
  /** False when the symptom has already gone. */
  ongoing?: boolean;
}

export interface TriageFinding extends Sourced {
  code: string;
  name: string;
  kind: SideEffect['kind'];
  advice: string;
}

export interface TriageResult extends Sourced {
  level: TriageLevel;
  /** Why this level, one plain sentence each. */
  why: string[];
  findings: TriageFinding[];
}

const HOUR = 3_600_000;
const rank: Record<TriageLevel, number> = { expected: 0, review: 1, urgent: 2 };

function hoursBetween(from: string, to: string): number {
  return (Date.parse(to) - Date.parse(from)) / HOUR;
}

/** Matches whole words and phrases, so "rash" does not match "brash" and "hot" not "photo". */
function mentions(text: string, term: string): boolean {
  const escaped = term.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(^|[^a-z])${escaped}([^a-z]|$)`).test(text);
}

export class TriageInputError extends Error {
  constructor(
    readonly field: string,
    readonly problem: string,
  ) {
    super(`${field}: ${problem}`);
  }
}

/**
 * Sorts a side-effect report into expected and self-limiting, review (a clinician looks within days),
 * or urgent (same day), from the knowledge base's side effects: warning signs by their urgency, and
 * expected effects that last beyond their usual duration, start late, or are severe, for review.
 * Anything it cannot recognise goes to review: an unknown symptom is never called expected.
 */
export function triageSideEffect(report: SideEffectReport, kb: KnowledgeBase): TriageResult {
  for (const field of ['sessionAt', 'onsetAt', 'now'] as const)
    if (Number.isNaN(Date.parse(report[field]))) throw new TriageInputError(field, 'must be an ISO date-time');
  if (hoursBetween(report.sessionAt, report.onsetAt) < -1) throw new TriageInputError('onsetAt', 'must not be before the session');
  const text = report.symptoms.toLowerCase();
  const matched = new Map<string, SideEffect>();
  for (const effect of kb.data.sideEffects.sideEffects)
    if (report.codes?.includes(effect.code) || effect.terms.some((t) => mentions(text, t))) matched.set(effect.code, effect);
  for (const code of report.codes ?? []) if (!matched.has(code)) throw new TriageInputError('codes', `unknown side effect "${code}"`);

  let level: TriageLevel = 'expected';
  const why: string[] = [];
  const raise = (to: TriageLevel, reason: string) => {
    if (rank[to] > rank[level]) level = to;
    why.push(reason);
  };
  const onsetHours = hoursBetween(report.sessionAt, report.onsetAt);
  const lastedHours = hoursBetween(report.onsetAt, report.now);
  const periorbital = report.area === 'periorbital';

  for (const effect of matched.values()) {
    if (effect.kind === 'warning') {
      raise(effect.urgency ?? 'review', `${effect.name} is a warning sign that needs a clinician${effect.urgency === 'urgent' ? ' today' : ''}.`);
      continue;
    }
    const usual = (periorbital && effect.periorbitalUsualHours) || effect.usualHours;
    if (!usual) continue;
    if (report.ongoing !== false && lastedHours > usual.max)
      raise('review', `${effect.name} has lasted ${Math.round(lastedHours)} hours, longer than the usual ${usual.max}.`);
    else if (onsetHours > usual.max) raise('review', `${effect.name} began ${Math.round(onsetHours)} hours after the session, later than expected.`);
    else why.push(`${effect.name} is expected after mesotherapy and usually settles within ${usual.max} hours.`);
  }
  if (matched.size === 0) raise('review', 'The symptom does not match a known side effect, so a clinician should look at it.');
  if (report.severity === 'severe') raise('review', 'The patient rates it as severe.');

  const findings: TriageFinding[] = [...matched.values()].map((e) => ({ code: e.code, name: e.name, kind: e.kind, advice: e.advice, ...sourcedFrom(e.sources) }));
  const citations = [...new Set(findings.flatMap((f) => f.citations))];
  const durationConflict = kb.conflicts.get('side_effect_duration');
  if (durationConflict && findings.some((f) => f.kind === 'expected')) citations.push(...durationConflict.sources.filter((c) => !citations.includes(c)));
  const fallback = kb.data.sideEffects.sideEffects.find((e) => e.code === 'infection')!.sources;
  return { level, why, findings, ...sourcedFrom(citations.length ? citations : fallback) };
}
