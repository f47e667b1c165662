import { describe, expect, it } from 'vitest';
import { en, hoursAfter, report, tr } from './test-support/triage-reports.js';
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import type { TriagePhrases } from '../knowledge/schema/care-schema.js';
import { fill } from '../text/fill-template.js';
import { triageSideEffect, type SideEffectReport } from './triage-side-effect.js';

const why = (r: Partial<SideEffectReport>, kb: KnowledgeBase, other: KnowledgeBase) =>
  triageSideEffect(report(r), kb, [other]).why;

type Key = keyof TriagePhrases;
const keys = Object.keys(en.data.sideEffects.triage) as Key[];

/** The English template a reason was made from, and the values it was filled with. */
function parse(reason: string): { key: Key; values: Record<string, string> } {
  // Longest first: "longer than the usual {max}." would also match the urgent sentence that goes on.
  const longestFirst = [...keys].sort(
    (a, b) => en.data.sideEffects.triage[b].length - en.data.sideEffects.triage[a].length,
  );
  for (const key of longestFirst) {
    const template = en.data.sideEffects.triage[key];
    const pattern = template
      .split(/(\{[A-Za-z]+\})/)
      .map((part) =>
        /^\{[A-Za-z]+\}$/.test(part) ? `(?<${part.slice(1, -1)}>.+?)` : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
      )
      .join('');
    const match = new RegExp(`^${pattern}$`).exec(reason);
    if (match) return { key, values: { ...match.groups } };
  }
  throw new Error(`no triage template makes "${reason}"`);
}

/** The Turkish reason for an English one: the Turkish template, filled with the same values and the Turkish name. */
function inTurkish(reason: string): { key: Key; text: string } {
  const { key, values } = parse(reason);
  if (values.name !== undefined) {
    const effect = en.data.sideEffects.sideEffects.find((e) => e.name === values.name)!;
    values.name = tr.sideEffects.get(effect.code)!.name;
  }
  return { key, text: fill(tr.data.sideEffects.triage[key], values) };
}

const warningWith = (urgency: 'urgent' | 'review') =>
  en.data.sideEffects.sideEffects.find((e) => e.kind === 'warning' && e.urgency === urgency)!.signs[0]!.code;
const lateReview = en.data.sideEffects.sideEffects.find((e) => e.kind === 'expected' && !e.lateUrgency)!;

/** Reports that between them give every reason a triage can give with this knowledge base. */
const reports: Partial<SideEffectReport>[] = [
  { symptoms: [warningWith('urgent')] },
  { symptoms: [warningWith('review')] },
  { symptoms: ['redness'] },
  { symptoms: ['redness'], now: hoursAfter(60) },
  { symptoms: [lateReview.signs[0]!.code], now: hoursAfter(lateReview.usualHours!.max + 30) },
  { symptoms: ['redness'], onsetDays: 4, onsetAt: undefined, now: hoursAfter(4 * 24 + 3), ongoing: false },
  {
    symptoms: [lateReview.signs[0]!.code],
    onsetDays: 4,
    onsetAt: undefined,
    now: hoursAfter(4 * 24 + 3),
    ongoing: false,
  },
  { text: 'the colour looks odd', severity: 'severe' },
  { symptoms: ['redness'], text: 'no pus' },
];

describe('triage reasons in the reader language', () => {
  it('gives a Turkish reader the Turkish sentences of knowledge/translations/tr/side-effects.yaml, same values', () => {
    const used = new Set<Key>();
    for (const r of reports) {
      const english = why(r, en, tr);
      const turkish = why(r, tr, en);
      expect(turkish, JSON.stringify(r)).toHaveLength(english.length);
      english.forEach((reason, i) => {
        const expected = inTurkish(reason);
        used.add(expected.key);
        expect(turkish[i], reason).toBe(expected.text);
        expect(turkish[i], 'a Turkish reader sees no English reason').not.toBe(reason);
      });
    }
    // Every template but one is used: no expected effect in the knowledge base lacks a usual duration.
    expect(en.data.sideEffects.sideEffects.every((e) => e.kind === 'warning' || e.usualHours)).toBe(true);
    expect([...used].sort()).toEqual(keys.filter((k) => k !== 'noUsualDuration').sort());
  });

  it('keeps the figures: a lasting urgent effect names its hours and usual maximum in Turkish too', () => {
    const [reason] = why({ symptoms: ['redness'], now: hoursAfter(60) }, tr, en);
    const redness = tr.sideEffects.get('redness')!;
    expect(reason).toBe(
      fill(tr.data.sideEffects.triage.lastedLongerUrgent, {
        name: redness.name,
        hours: 59,
        max: redness.usualHours!.max,
      }),
    );
    expect(reason).toMatch(/\b59\b.*\b48\b/);
  });

  it('every Turkish template differs from the English and keeps its marks', () => {
    for (const key of keys) {
      const english = en.data.sideEffects.triage[key];
      const turkish = tr.data.sideEffects.triage[key];
      expect(turkish, key).not.toBe(english);
      expect(turkish.match(/\{\w+\}/g)?.sort(), key).toEqual(english.match(/\{\w+\}/g)?.sort());
    }
  });
});
