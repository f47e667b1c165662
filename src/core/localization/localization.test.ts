import { describe, expect, it } from 'vitest';
import { assess } from '../assessment/assess.js';
import type { Plan, TimedInstruction } from '../assessment/assessment-result.js';
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import type { KnowledgeLibrary } from '../knowledge/knowledge-library.js';
import { loadKnowledgeLibrary } from '../../knowledge-files/load-knowledge-library.js';
import { makeIntake } from '../../test-support/intake-builder.js';
import { assessInLanguage } from './assess-in-language.js';
import { instructionsIn } from './instructions-in-language.js';
import { planInLanguage } from './plan-in-language.js';
import { resultInLanguage } from './result-in-language.js';
import { sortedByName } from './reader-language.js';

const library: KnowledgeLibrary = loadKnowledgeLibrary();
const english = library.base;
const turkish = library.for('tr');

const textOf = (kb: KnowledgeBase, list: 'preparation' | 'aftercare', code: string) =>
  (list === 'preparation' ? kb.data.preparation.preparation : kb.data.aftercare.aftercare).find((i) => i.code === code)
    ?.text;
const wordingOf = (kb: KnowledgeBase, code: string) =>
  kb.data.aftercare.aftercare.find((i) => i.code === code)?.textOnBloodThinner;
const codes = (items: readonly TimedInstruction[]) => items.map((i) => i.code);
const planOf = (plan: Plan | undefined): Plan => {
  if (!plan) throw new Error('the assessment has no plan');
  return plan;
};

const onWarfarin = makeIntake({
  patient: { medications: [{ name: 'warfarin', class: 'anticoagulant', ongoing: true }] },
});

describe('the knowledge base in the reader’s language', () => {
  it('has a Turkish translation to test with', () => {
    expect(library.languages).toEqual(['en', 'tr']);
    expect(turkish).not.toBe(english);
    expect(textOf(turkish, 'aftercare', 'no_water')).not.toEqual(textOf(english, 'aftercare', 'no_water'));
  });

  it('assesses in Turkish with the English codes and numbers, and the Turkish texts', () => {
    const intake = makeIntake({ patient: { pregnant: true } });
    const en = assess(intake, english);
    const tr = assessInLanguage(intake, library, 'tr');
    expect(tr.verdict).toBe(en.verdict);
    expect(tr.reasons.map((r) => [r.code, r.kind, r.until, r.sources])).toEqual(
      en.reasons.map((r) => [r.code, r.kind, r.until, r.sources]),
    );
    const reason = tr.reasons.find((r) => r.code === 'PREGNANCY');
    const rule = turkish.data.contraindications.contraindications.find((r) => r.code === 'PREGNANCY');
    expect(reason?.message).toBe(rule?.message);
    expect(reason?.message).not.toBe(en.reasons.find((r) => r.code === 'PREGNANCY')?.message);
  });

  it('gives a plan’s preparation and aftercare in Turkish, code for code', () => {
    const intake = makeIntake();
    const en = planOf(assess(intake, english).plan);
    const tr = planOf(assessInLanguage(intake, library, 'tr').plan);
    expect(codes(tr.preparation)).toEqual(codes(en.preparation));
    expect(codes(tr.aftercare)).toEqual(codes(en.aftercare));
    for (const item of tr.preparation) expect(item.text).toBe(textOf(turkish, 'preparation', item.code));
    for (const item of tr.aftercare) expect(item.text).toBe(textOf(turkish, 'aftercare', item.code));
    expect({ ...tr, preparation: [], aftercare: [] }).toMatchObject({
      sessions: en.sessions,
      intervalDays: en.intervalDays,
      depthMm: en.depthMm,
      sources: en.sources,
    });
  });

  it('never gives a patient on a blood thinner in Turkish what the English rules take out', () => {
    const en = planOf(assess(onWarfarin, english).plan);
    const tr = planOf(assessInLanguage(onWarfarin, library, 'tr').plan);
    expect(codes(en.preparation)).not.toContain('avoid_nsaids');
    expect(codes(tr.preparation)).toEqual(codes(en.preparation));
    expect(codes(tr.aftercare)).toEqual(codes(en.aftercare));
    // The English rules shorten the pain-relief item: each reader gets its wording for a patient on a blood thinner.
    const painRelief = en.aftercare.find((i) => i.code === 'pain_relief');
    expect(painRelief?.text).not.toBe(textOf(english, 'aftercare', 'pain_relief'));
    expect(painRelief?.text).toBe(wordingOf(english, 'pain_relief'));
    const turkishWording = wordingOf(turkish, 'pain_relief');
    expect(turkishWording).toMatch(/^Rahatsızlık hissederseniz buz kompresi/);
    expect(tr.aftercare.find((i) => i.code === 'pain_relief')?.text).toBe(turkishWording);
    // Every other item is the Turkish text.
    for (const item of tr.aftercare.filter((i) => i.code !== 'pain_relief'))
      expect(item.text).toBe(textOf(turkish, 'aftercare', item.code));
  });

  it('turns a stored plan into another language and back, leaving its own texts as they are', () => {
    const en = planOf(assess(makeIntake(), english).plan);
    const tr = planInLanguage(en, library, 'tr');
    expect(tr.mixture.name).toBe(turkish.mixtures.get(en.mixture.id)?.name);
    expect(tr.protocol.note).toBe(turkish.protocols.get(en.protocol.id)?.note);
    expect(planInLanguage(tr, library, 'en')).toEqual(en);

    const ownWords = {
      ...en,
      aftercare: en.aftercare.map((i) => ({ ...i, text: `${i.text} (as the clinic wrote it)` })),
    };
    expect(planInLanguage(ownWords, library, 'tr').aftercare).toEqual(ownWords.aftercare);
  });

  it('decides a stored plan’s instructions again on their English when the patient now takes a blood thinner', () => {
    const before = planOf(assessInLanguage(makeIntake(), library, 'tr').plan);
    expect(codes(before.preparation)).toContain('avoid_nsaids');
    const now = instructionsIn(before.preparation, 'preparation', library, 'tr', true);
    expect(codes(now)).not.toContain('avoid_nsaids');
    expect(codes(now)).toEqual(codes(planOf(assess(onWarfarin, english).plan).preparation));
    // Not knowing the medicines changes nothing but the words.
    expect(instructionsIn(before.preparation, 'preparation', library, 'en')).toEqual(
      planOf(assess(makeIntake(), english).plan).preparation,
    );
  });

  it('words an English result in Turkish as the Turkish assessment words it', () => {
    const intake = makeIntake({ patient: { pregnant: true, allergies: [{ substance: 'lidocaine' }] } });
    const fromEnglish = resultInLanguage(assess(intake, english), library, 'tr');
    expect(fromEnglish).toEqual(assessInLanguage(intake, library, 'tr'));
  });
});

describe('names in the reader’s order', () => {
  const names = ['Şule', 'Irmak', 'Zeynep', 'İlker', 'Cem', 'Çiğdem', 'Selin'];
  it('sorts as Turkish does for a Turkish reader: Ç after C, Ş after S, dotless I before İ', () => {
    expect(sortedByName(names, (n) => n, 'tr')).toEqual(['Cem', 'Çiğdem', 'Irmak', 'İlker', 'Selin', 'Şule', 'Zeynep']);
  });
  it('sorts accented letters with their base letter for an English reader, never after Z', () => {
    const english = sortedByName(names, (n) => n, 'en');
    expect(english.indexOf('İlker')).toBeLessThan(english.indexOf('Irmak'));
    expect(english.at(-1)).toBe('Zeynep');
  });
});
