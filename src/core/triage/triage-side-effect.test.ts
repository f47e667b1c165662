import { describe, expect, it } from 'vitest';
import { testKnowledgeBase } from '../../test-support/intake-builder.js';
import { triageSideEffect, TriageInputError, type SideEffectReport } from './triage-side-effect.js';

const kb = testKnowledgeBase();
const session = '2026-11-20T10:00:00Z';
const hoursAfter = (h: number) => new Date(Date.parse(session) + h * 3_600_000).toISOString();
const report = (r: Partial<SideEffectReport>): SideEffectReport => ({
  sessionAt: session,
  now: hoursAfter(6),
  ...(r.onsetDays === undefined ? { onsetAt: hoursAfter(1) } : {}),
  ...r,
});
const triage = (r: Partial<SideEffectReport>) => triageSideEffect(report(r), kb);

describe('side-effect triage', () => {
  it('redness and bruising within a day are expected and self-limiting, with sources', () => {
    const t = triage({ text: 'Some redness and a small bruise' });
    expect(t.level).toBe('expected');
    expect(t.findings.map((f) => f.code)).toEqual(['redness', 'bruising']);
    expect(t.findings.map((f) => f.signs)).toEqual([['redness'], ['bruising']]);
    expect(t.sources.length).toBeGreaterThan(0);
  });

  it('swelling or redness lasting beyond the usual duration is urgent; bruising then needs review', () => {
    expect(triage({ text: 'swelling', now: hoursAfter(60) }).level).toBe('urgent');
    expect(triage({ text: 'swelling', now: hoursAfter(60) }).why.join(' ')).toMatch(
      /lasted about 59 hours, longer than the usual 48.*today/,
    );
    expect(triage({ text: 'redness', now: hoursAfter(60) }).level).toBe('urgent');
    expect(triage({ text: 'bruising', now: hoursAfter(60) }).level).toBe('review');
    expect(triage({ text: 'swelling', now: hoursAfter(60), ongoing: false }).level).toBe('expected');
  });

  it('around the eyes swelling may last longer before it needs a clinician', () => {
    expect(triage({ text: 'swelling', area: 'periorbital', now: hoursAfter(60) }).level).toBe('expected');
    expect(triage({ text: 'swelling', area: 'periorbital', now: hoursAfter(120) }).level).toBe('urgent');
  });

  it('swelling or redness starting days later is urgent, itching starting days later needs review', () => {
    expect(triage({ text: 'redness', onsetAt: hoursAfter(96), now: hoursAfter(100) }).level).toBe('urgent');
    expect(triage({ symptoms: ['swelling'], onsetDays: 21, now: hoursAfter(21 * 24 + 3) }).level).toBe('urgent');
    expect(triage({ symptoms: ['itching'], onsetDays: 4, now: hoursAfter(4 * 24 + 3) }).level).toBe('review');
  });

  it('signs of infection, lumps or discharge weeks later, and systemic symptoms are urgent', () => {
    expect(triage({ text: 'the area is hot and there is pus' }).level).toBe('urgent');
    expect(
      triage({ text: 'a hard lump with discharge', onsetAt: hoursAfter(24 * 14), now: hoursAfter(24 * 15) }).level,
    ).toBe('urgent');
    expect(triage({ text: 'nausea and vomiting' }).level).toBe('urgent');
    expect(triage({ text: 'hives all over and swollen lips' }).level).toBe('urgent');
  });

  it('rash, dark patches and scarring need review', () => {
    for (const text of ['a rash', 'dark patches on the skin', 'scarring'])
      expect(triage({ text }).level).toBe('review');
  });

  it('the most urgent finding wins, and every finding is listed', () => {
    const t = triage({ text: 'redness and fever' });
    expect(t.level).toBe('urgent');
    expect(t.findings.map((f) => f.code)).toEqual(['redness', 'infection']);
    expect(t.findings[1]?.signs).toEqual(['fever']);
  });

  it('an unrecognised symptom, or a severe one, goes to review - never called expected', () => {
    expect(triage({ text: 'strange tingling in my toes' }).level).toBe('review');
    expect(triage({ text: 'redness', severity: 'severe' }).level).toBe('review');
  });

  it('matches whole words only', () => {
    expect(triage({ text: 'I took a photo' }).findings).toEqual([]);
  });

  it('ticked symptoms and side-effect codes count as well as words', () => {
    expect(triage({ codes: ['scarring'] }).findings.map((f) => f.code)).toEqual(['scarring']);
    const ticked = triage({ symptoms: ['lump_nodule', 'redness'], onsetDays: 0 });
    expect(ticked.findings.map((f) => [f.code, f.signs])).toEqual([
      ['redness', ['redness']],
      ['nodule_or_abscess', ['lump_nodule']],
    ]);
    expect(ticked.level).toBe('urgent');
  });

  it('a denied term neither counts nor removes a ticked symptom, and the triage says what it left out', () => {
    const denied = triage({ text: 'no lumps, just mild redness' });
    expect(denied.level).toBe('expected');
    expect(denied.why.join(' ')).toMatch(/Not counted.*lumps/);
    expect(triage({ symptoms: ['lump_nodule'], onsetDays: 0, text: 'no lumps, just mild redness' }).level).toBe(
      'urgent',
    );
  });

  it('rejects bad times, onsets and unknown codes, naming the field', () => {
    expect(() => triage({ now: 'yesterday' })).toThrow(TriageInputError);
    expect(() => triage({ now: 'yesterday' })).toThrow(/^now: /);
    expect(() => triage({ onsetAt: '2026-11-19T00:00:00Z' })).toThrow(/^onsetAt: must not be before the session/);
    expect(() => triage({ codes: ['nope'] })).toThrow(/^codes: unknown side effect "nope"/);
    expect(() => triage({ symptoms: ['redness', 'telepathy'], onsetDays: 0 })).toThrow(
      /^symptoms\[1\]: unknown symptom "telepathy"/,
    );
    expect(() => triage({ symptoms: ['redness'], onsetDays: -1 })).toThrow(/^onsetDays: must be a whole number/);
    expect(() => triage({ symptoms: ['redness'], onsetDays: 1.5 })).toThrow(/^onsetDays: must be a whole number/);
    expect(() => triage({ symptoms: ['redness'], onsetDays: 3, now: hoursAfter(20) })).toThrow(
      /^onsetDays: must not be later than today/,
    );
    expect(() => triage({ symptoms: ['redness'], onsetDays: 1, onsetAt: hoursAfter(1) })).toThrow(
      /^onsetDays: give either/,
    );
    expect(() => triageSideEffect({ sessionAt: session, now: hoursAfter(6), symptoms: ['redness'] }, kb)).toThrow(
      /^onsetDays: required/,
    );
  });

  it('reads a day count as calendar days or 24-hour periods, whichever errs toward the patient', () => {
    // "the next day" six hours after an evening session: on time for redness.
    expect(triage({ symptoms: ['redness'], onsetDays: 1, now: hoursAfter(6) }).level).toBe('expected');
    // Day 2 may be up to 72 hours after the session: later than redness usually starts.
    expect(triage({ symptoms: ['redness'], onsetDays: 2, now: hoursAfter(60) }).level).toBe('urgent');
    // Day 1 reported on day 2: it may have started straight after the session, so it has lasted 52 hours.
    expect(triage({ symptoms: ['bruising'], onsetDays: 1, now: hoursAfter(52) }).level).toBe('review');
  });
});
