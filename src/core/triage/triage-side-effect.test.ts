import { describe, expect, it } from 'vitest';
import { testKnowledgeBase } from '../../test-support/intake-builder.js';
import { triageSideEffect, TriageInputError, type SideEffectReport } from './triage-side-effect.js';

const kb = testKnowledgeBase();
const session = '2026-11-20T10:00:00Z';
const hoursAfter = (h: number) => new Date(Date.parse(session) + h * 3_600_000).toISOString();
const report = (r: Partial<SideEffectReport>): SideEffectReport => ({ symptoms: '', sessionAt: session, onsetAt: hoursAfter(1), now: hoursAfter(6), ...r });
const triage = (r: Partial<SideEffectReport>) => triageSideEffect(report(r), kb);

describe('side-effect triage', () => {
  it('redness and bruising within a day are expected and self-limiting, with sources', () => {
    const t = triage({ symptoms: 'Some redness and a small bruise' });
    expect(t.level).toBe('expected');
    expect(t.findings.map((f) => f.code)).toEqual(['redness', 'bruising']);
    expect(t.sources.length).toBeGreaterThan(0);
  });

  it('an expected effect lasting beyond its usual duration needs review', () => {
    expect(triage({ symptoms: 'swelling', now: hoursAfter(60) }).level).toBe('review');
    expect(triage({ symptoms: 'swelling', now: hoursAfter(60), ongoing: false }).level).toBe('expected');
  });

  it('around the eyes swelling may last longer before review', () => {
    expect(triage({ symptoms: 'swelling', area: 'periorbital', now: hoursAfter(60) }).level).toBe('expected');
    expect(triage({ symptoms: 'swelling', area: 'periorbital', now: hoursAfter(120) }).level).toBe('review');
  });

  it('redness starting days later is not expected', () => {
    expect(triage({ symptoms: 'redness', onsetAt: hoursAfter(96), now: hoursAfter(100) }).level).toBe('review');
  });

  it('signs of infection, lumps or discharge weeks later, and systemic symptoms are urgent', () => {
    expect(triage({ symptoms: 'the area is hot and there is pus' }).level).toBe('urgent');
    expect(triage({ symptoms: 'a hard lump with discharge', onsetAt: hoursAfter(24 * 14), now: hoursAfter(24 * 15) }).level).toBe('urgent');
    expect(triage({ symptoms: 'nausea and vomiting' }).level).toBe('urgent');
    expect(triage({ symptoms: 'hives all over and swollen lips' }).level).toBe('urgent');
  });

  it('rash, dark patches and scarring need review', () => {
    for (const symptoms of ['a rash', 'dark patches on the skin', 'scarring']) expect(triage({ symptoms }).level).toBe('review');
  });

  it('the most urgent finding wins, and every finding is listed', () => {
    const t = triage({ symptoms: 'redness and fever' });
    expect(t.level).toBe('urgent');
    expect(t.findings.map((f) => f.code)).toEqual(['redness', 'infection']);
  });

  it('an unrecognised symptom, or a severe one, goes to review - never called expected', () => {
    expect(triage({ symptoms: 'strange tingling in my toes' }).level).toBe('review');
    expect(triage({ symptoms: 'redness', severity: 'severe' }).level).toBe('review');
  });

  it('matches whole words only', () => {
    expect(triage({ symptoms: 'I took a photo' }).findings).toEqual([]);
  });

  it('codes from a form count as well as words', () => {
    expect(triage({ symptoms: '', codes: ['scarring'] }).findings.map((f) => f.code)).toEqual(['scarring']);
  });

  it('rejects bad times and unknown codes, naming the field', () => {
    expect(() => triage({ symptoms: 'x', now: 'yesterday' })).toThrow(TriageInputError);
    expect(() => triage({ symptoms: 'x', now: 'yesterday' })).toThrow(/^now: /);
    expect(() => triage({ symptoms: 'x', onsetAt: '2026-11-19T00:00:00Z' })).toThrow(/^onsetAt: must not be before the session/);
    expect(() => triage({ symptoms: 'x', codes: ['nope'] })).toThrow(/^codes: unknown side effect "nope"/);
  });
});
