import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import type { SideEffect } from '../knowledge/schema/care-schema.js';
import { sourcedFrom } from '../assessment/sourced.js';
import type { Sourced } from '../assessment/assessment-result.js';
import { readText } from './negation-scope.js';
import { latestOnsetDay, onsetFromDays, onsetFromHours, type OnsetWindow } from './onset-window.js';
import { effectWords } from './report-words.js';
import { symptomSigns } from './symptom-signs.js';
import { reasonSentence, type TriageReason } from './triage-reasons.js';

export type { TriageReason };

export const triageLevels = ['expected', 'review', 'urgent'] as const;
export type TriageLevel = (typeof triageLevels)[number];

export interface SideEffectReport {
  /** Sign codes ticked on a form (the `signs` of side-effects.yaml, e.g. `lump_nodule`). */
  symptoms?: readonly string[];
  /** Side-effect codes ticked on older forms (e.g. `nodule_or_abscess`); each counts as that effect. */
  codes?: readonly string[];
  /** What the patient or practitioner describes in their own words; denied terms ("no lumps") do not count. */
  text?: string;
  severity?: 'mild' | 'moderate' | 'severe';
  /** The area treated in the session, e.g. `periorbital`. */
  area?: string;
  /** When the session ended and now - ISO instants; the core keeps no clock. */
  sessionAt: string;
  now: string;
  /** When the symptom began: an ISO instant, or whole days after the session as the patient counts them. Exactly one. */
  onsetAt?: string;
  onsetDays?: number;
  /** False when the symptom has already gone. */
  ongoing?: boolean;
}

export interface TriageFinding extends Sourced {
  code: string;
  name: string;
  kind: SideEffect['kind'];
  advice: string;
  /** The signs of this effect that the report names (ticked, or in its words). */
  signs: string[];
}

export interface TriageResult extends Sourced {
  level: TriageLevel;
  /** Why this level, one plain sentence each. */
  why: string[];
  /** How each sentence of `why` was made, in the same order. */
  reasons: TriageReason[];
  findings: TriageFinding[];
}

const HOUR = 3_600_000;
const rank: Record<TriageLevel, number> = { expected: 0, review: 1, urgent: 2 };

function hoursBetween(from: string, to: string): number {
  return (Date.parse(to) - Date.parse(from)) / HOUR;
}

export class TriageInputError extends Error {
  constructor(
    readonly field: string,
    readonly problem: string,
  ) {
    super(`${field}: ${problem}`);
  }
}

function onsetWindow(report: SideEffectReport, elapsedHours: number): OnsetWindow {
  const { onsetAt, onsetDays } = report;
  if (onsetAt !== undefined && onsetDays !== undefined)
    throw new TriageInputError('onsetDays', 'give either onsetDays or onsetAt, not both');
  if (onsetDays !== undefined) {
    if (!Number.isInteger(onsetDays) || onsetDays < 0)
      throw new TriageInputError('onsetDays', 'must be a whole number of days, 0 or more');
    if (onsetDays > latestOnsetDay(elapsedHours))
      throw new TriageInputError('onsetDays', 'must not be later than today');
    return onsetFromDays(onsetDays, elapsedHours);
  }
  if (onsetAt === undefined)
    throw new TriageInputError('onsetDays', 'required: how many days after the session it began');
  if (Number.isNaN(Date.parse(onsetAt))) throw new TriageInputError('onsetAt', 'must be an ISO date-time');
  const hours = hoursBetween(report.sessionAt, onsetAt);
  if (hours < -1) throw new TriageInputError('onsetAt', 'must not be before the session');
  return onsetFromHours(Math.max(0, hours));
}

interface Named {
  effect: SideEffect;
  signs: Set<string>;
}

/** The side effects the report names: ticked signs and codes always; words unless the text denies them. */
function namedEffects(
  report: SideEffectReport,
  kb: KnowledgeBase,
  alsoIn: readonly KnowledgeBase[],
): { named: Map<string, Named>; denied: string[] } {
  const signs = symptomSigns(kb);
  const named = new Map<string, Named>();
  const add = (effect: SideEffect, sign?: string) => {
    const entry = named.get(effect.code) ?? { effect, signs: new Set<string>() };
    if (sign) entry.signs.add(sign);
    named.set(effect.code, entry);
  };
  (report.symptoms ?? []).forEach((code, i) => {
    const found = signs.get(code);
    if (!found) throw new TriageInputError(`symptoms[${i}]`, `unknown symptom "${code}"`);
    add(found.effect, code);
  });
  for (const code of report.codes ?? []) {
    const effect = kb.sideEffects.get(code);
    if (!effect) throw new TriageInputError('codes', `unknown side effect "${code}"`);
    add(effect);
  }

  const denied = new Set<string>();
  const text = report.text?.trim();
  if (text) {
    const effects = kb.data.sideEffects.sideEffects;
    const words = effectWords(kb, alsoIn);
    const read = readText(
      text,
      [...words.values()].flatMap((w) => [...w.terms, ...w.signs.flatMap((s) => s.terms)]),
    );
    for (const effect of effects) {
      const { terms, signs } = words.get(effect.code)!;
      const groups = [
        { sign: undefined as string | undefined, terms },
        ...signs.map((s) => ({ sign: s.code, terms: s.terms })),
      ];
      for (const { sign, terms } of groups) {
        const mentions = read.mentions(terms);
        if (mentions.affirmed.size) add(effect, sign);
        mentions.negated.forEach((t) => denied.add(t));
      }
    }
  }
  // Keep the knowledge base's order, whatever order the report named them in.
  const ordered = new Map(
    kb.data.sideEffects.sideEffects.filter((e) => named.has(e.code)).map((e) => [e.code, named.get(e.code)!]),
  );
  return { named: ordered, denied: [...denied] };
}

/** As `reasonSentence`, for a reason the triage itself just made from `kb`: it has every phrase and effect. */
function reasonText(reason: TriageReason, kb: KnowledgeBase): string {
  return reasonSentence(reason, kb)!;
}

/**
 * Sorts a side-effect report into expected and self-limiting, review (a clinician looks within days),
 * or urgent (same day), from the knowledge base's side effects:
 *
 * - a warning sign by its urgency, whenever it starts: lumps, pustules, sores, discharge, fever or
 *   spreading redness are urgent even weeks after the session (the pattern of a late infection);
 * - an expected effect that lasts beyond its usual duration or starts later than it, at its
 *   `lateUrgency` (urgent for swelling and redness, else review); within its usual time it is expected;
 * - a severe rating, or a report that names nothing the knowledge base knows, for review: an unknown
 *   symptom is never called expected.
 *
 * Ticked symptoms always count. Free text adds what it affirms; what it denies ("no lumps") neither
 * adds a finding nor removes a ticked one. The text is read with `kb`'s words and, given the library's
 * other languages as `alsoIn`, theirs too: the words a patient uses do not depend on who types them.
 * The findings' names and advice, and the sentences of `why`, are `kb`'s.
 */
export function triageSideEffect(
  report: SideEffectReport,
  kb: KnowledgeBase,
  alsoIn: readonly KnowledgeBase[] = [],
): TriageResult {
  for (const field of ['sessionAt', 'now'] as const)
    if (Number.isNaN(Date.parse(report[field]))) throw new TriageInputError(field, 'must be an ISO date-time');
  const elapsedHours = hoursBetween(report.sessionAt, report.now);
  const onset = onsetWindow(report, elapsedHours);
  const { named, denied } = namedEffects(report, kb, alsoIn);

  let level: TriageLevel = 'expected';
  const why: string[] = [];
  const reasons: TriageReason[] = [];
  // The sentences are the knowledge base's, in its language; only the values are filled in here.
  const say = (reason: TriageReason) => {
    why.push(reasonText(reason, kb));
    reasons.push(reason);
  };
  const raise = (to: TriageLevel, reason: TriageReason) => {
    if (rank[to] > rank[level]) level = to;
    say(reason);
  };
  const lastedHours = elapsedHours - onset.earliestHours;
  const periorbital = report.area === 'periorbital';

  for (const { effect } of named.values()) {
    if (effect.kind === 'warning') {
      const urgency = effect.urgency ?? 'review';
      raise(urgency, { phrase: urgency === 'urgent' ? 'warningUrgent' : 'warningReview', effect: effect.code });
      continue;
    }
    const usual = (periorbital && effect.periorbitalUsualHours) || effect.usualHours;
    if (!usual) {
      raise('review', { phrase: 'noUsualDuration', effect: effect.code });
      continue;
    }
    const late = effect.lateUrgency ?? 'review';
    // An effect that is urgent when late says why it cannot wait: it can be a late infection.
    const urgent = late === 'urgent';
    const values = { effect: effect.code, max: usual.max };
    if (report.ongoing !== false && lastedHours > usual.max)
      raise(late, {
        phrase: urgent ? 'lastedLongerUrgent' : 'lastedLonger',
        ...values,
        hours: Math.round(lastedHours),
      });
    else if (onset.latestHours > usual.max)
      raise(late, {
        phrase: urgent ? 'beganLaterUrgent' : 'beganLater',
        ...values,
        days: Math.round(onset.latestHours / 24),
      });
    else say({ phrase: 'withinUsual', ...values });
  }
  if (named.size === 0) raise('review', { phrase: 'nothingKnown' });
  if (report.severity === 'severe') raise('review', { phrase: 'severe' });
  if (denied.length) say({ phrase: 'denied', terms: denied });

  const findings: TriageFinding[] = [...named.values()].map(({ effect: e, signs }) => ({
    code: e.code,
    name: e.name,
    kind: e.kind,
    advice: e.advice,
    signs: [...signs],
    ...sourcedFrom(e.sources),
  }));
  const citations = [...new Set(findings.flatMap((f) => f.citations))];
  const durationConflict = kb.conflicts.get('side_effect_duration');
  if (durationConflict && findings.some((f) => f.kind === 'expected'))
    citations.push(...durationConflict.sources.filter((c) => !citations.includes(c)));
  const fallback = kb.data.sideEffects.sideEffects.find((e) => e.code === 'infection')!.sources;
  return { level, why, reasons, findings, ...sourcedFrom(citations.length ? citations : fallback) };
}
