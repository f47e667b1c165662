import { describe, expect, it } from 'vitest';
import { searchFaq } from '../faq/search-faq.js';
import { testKnowledgeBase } from '../../test-support/intake-builder.js';
import { symptomCodes, symptomSigns } from './symptom-signs.js';
import { triageSideEffect } from './triage-side-effect.js';

const kb = testKnowledgeBase();
const session = '2026-11-20T10:00:00Z';
const day = (n: number, hours = 5) => new Date(Date.parse(session) + n * 86_400_000 + hours * 3_600_000).toISOString();

describe('the late signs patients are told about, and the triage, agree', () => {
  const { lateSigns } = kb.data.aftercare;

  it('every late sign names known symptom codes and carries sources', () => {
    const known = new Set(symptomCodes(kb));
    for (const item of lateSigns.items) {
      for (const code of item.symptoms) expect(known.has(code), `${item.code}: ${code}`).toBe(true);
      expect(item.sources.length).toBeGreaterThan(0);
    }
    expect(lateSigns.items.flatMap((i) => i.symptoms)).toEqual(
      expect.arrayContaining(['lump_nodule', 'discharge', 'ulcer', 'swelling', 'redness', 'fever']),
    );
  });

  it.each([3, 10, 21, 45])('each of them, starting %i days after a session, is triaged urgent', (onsetDays) => {
    for (const item of lateSigns.items)
      for (const code of item.symptoms)
        expect(
          triageSideEffect({ symptoms: [code], onsetDays, sessionAt: session, now: day(onsetDays) }, kb).level,
          `${item.code}: ${code}`,
        ).toBe('urgent');
  });

  it('every warning sign and every tickable symptom has patient wording', () => {
    for (const [code, { sign }] of symptomSigns(kb)) expect(sign.patient.trim().length, code).toBeGreaterThan(3);
    for (const effect of kb.data.sideEffects.sideEffects.filter((e) => e.kind === 'warning'))
      expect(effect.signs.length, effect.code).toBeGreaterThan(0);
  });

  it('the FAQ answers the late signs in patient words, and its search finds them', () => {
    const entry = kb.data.faq.faq.find((e) => e.id === 'late_warning_signs');
    expect(entry?.answer).toMatch(/lump/);
    expect(entry?.answer).toMatch(/pus/);
    expect(entry?.answer).toMatch(/open sore/);
    expect(entry?.answer).toMatch(/weeks/);
    expect(entry?.answer).toMatch(/fever/);
    expect(entry?.sources.length).toBeGreaterThan(0);
    for (const query of [
      'lump weeks after mesotherapy',
      'bump after session',
      'pus coming out',
      'when should I call the clinic',
      'swelling came back',
    ])
      expect(searchFaq(kb, query)[0]?.entry.id, query).toBe('late_warning_signs');
  });
});
