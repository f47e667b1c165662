import { describe, expect, it } from 'vitest';
import { fill } from '../text/fill-template.js';
import { triageSideEffect, type SideEffectReport } from './triage-side-effect.js';
import { en, hoursAfter, report, tr } from './test-support/triage-reports.js';

/** On the Turkish knowledge base: Turkish terms (knowledge/translations/tr/side-effects.yaml) and the English ones. */
const triage = (r: Partial<SideEffectReport>) => triageSideEffect(report(r), tr);
const signs = (text: string) => triage({ text }).findings.flatMap((f) => f.signs);

describe('side-effect triage of Turkish reports', () => {
  it.each([
    ['İrin geliyor', 'discharge'],
    ['KIZARIKLIK', 'redness'],
    ['sislik', 'swelling'],
    ['kasinti var', 'itching'],
    ['İLTİHAPLANMIŞ, ateşim var', 'fever'],
  ])('reads the sign however the patient types it: %s', (text, sign) => {
    expect(signs(text)).toEqual([sign]);
  });

  it('reads an infection however the patient types it', () => {
    expect(triage({ text: 'İLTİHAPLANMIŞ' }).findings.map((f) => f.code)).toEqual(['infection']);
  });

  it('gives each the urgency the knowledge base gives the sign', () => {
    expect(triage({ text: 'İrin geliyor' }).level).toBe('urgent');
    expect(triage({ text: 'KIZARIKLIK' }).level).toBe('expected');
    expect(triage({ text: 'sislik' }).level).toBe('expected');
    expect(triage({ text: 'sislik', now: hoursAfter(60) }).level).toBe('urgent');
    expect(triage({ text: 'kasinti', onsetDays: 4, onsetAt: undefined, now: hoursAfter(4 * 24 + 3) }).level).toBe(
      'review',
    );
    expect(triage({ text: 'yaram kapanmadı', onsetAt: hoursAfter(24 * 14), now: hoursAfter(24 * 15) }).level).toBe(
      'urgent',
    );
    expect(triage({ text: 'midem bulanıyor ve kustum' }).level).toBe('urgent');
  });

  it('does not read a sign inside another word', () => {
    // "yaraşır" (suits) is not "yara" (sore), "şirin" (cute) is not "irin" (pus).
    for (const text of ['bu renk bana yaraşır', 'yüzüm çok şirin görünüyor']) {
      const t = triage({ text });
      expect(t.findings, text).toEqual([]);
      expect(t.level, text).toBe('review');
    }
  });

  it('leaves out a sign the patient denies with "yok", and says so', () => {
    const t = triage({ text: 'irin yok, sadece biraz kızarıklık var' });
    expect(t.findings.map((f) => f.code)).toEqual(['redness']);
    expect(t.level).toBe('expected');
    expect(t.why).toContain(fill(tr.data.sideEffects.triage.denied, { terms: 'irin' }));
    // A ticked sign still counts whatever the words deny.
    expect(triage({ symptoms: ['discharge'], text: 'irin yok' }).level).toBe('urgent');
  });

  it('errs toward the patient where a Turkish denial is not read', () => {
    // "no redness, swelling or pus": the swelling and redness count; only the pus is denied.
    expect(triage({ text: 'kızarıklık, şişlik veya irin yok' }).findings.map((f) => f.code)).toEqual([
      'redness',
      'swelling',
    ]);
    // "not only redness, there is swelling too", "there was no pus, now there is".
    expect(signs('sadece kızarıklık değil, şişlik de var')).toEqual(['redness', 'swelling']);
    expect(triage({ text: 'irin yoktu ama şimdi irin akıyor' }).level).toBe('urgent');
    expect(triage({ text: 'şişlik yok olmadı', now: hoursAfter(60) }).level).toBe('urgent');
  });

  it('reads Turkish words for a reader of English given the other languages, with the English advice', () => {
    const english = (text: string, alsoIn = [tr]) => triageSideEffect(report({ text }), en, alsoIn);
    const read = english('İrin geliyor, ateşim var');
    expect(read.level).toBe('urgent');
    expect(read.findings.map((f) => [f.code, f.name, f.signs])).toEqual([
      ['infection', 'Signs of infection', ['fever']],
      ['nodule_or_abscess', 'Lumps, pustules, sores or discharge', ['discharge']],
    ]);
    expect(english('irin yok, biraz kızarıklık').findings.map((f) => f.code)).toEqual(['redness']);
    // Without them the English base knows none of these words: a clinician looks, but not today.
    expect(english('İrin geliyor', []).level).toBe('review');
    expect(english('İrin geliyor', []).findings).toEqual([]);
  });

  it('still reads English words in a Turkish session', () => {
    expect(triage({ text: 'there is pus' }).level).toBe('urgent');
    expect(triage({ text: 'no pus, some redness' }).level).toBe('expected');
  });
});
