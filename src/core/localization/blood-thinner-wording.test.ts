import { describe, expect, it } from 'vitest';
import { assess } from '../assessment/assess.js';
import type { Plan, TimedInstruction } from '../assessment/assessment-result.js';
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import { knowledgeLibrary, type KnowledgeLibrary } from '../knowledge/knowledge-library.js';
import { buildKnowledgeLibrary } from '../knowledge/translation/build-knowledge-library.js';
import { instructionsFor, withoutAvoidAspirin } from '../messages/blood-thinner-safety.js';
import { messageContext } from '../messages/message-context.js';
import { bookedSession } from '../messages/test-support/booked-session.js';
import { defaultKnowledgeDir } from '../../knowledge-files/load-knowledge-base.js';
import { loadKnowledgeLibrary } from '../../knowledge-files/load-knowledge-library.js';
import { readTranslationFolders } from '../../knowledge-files/read-translations.js';
import { aftercareSheetPdf } from '../../interop/pdf/aftercare-sheet.js';
import { turkishAftercareLabels } from '../../interop/pdf/labels-tr.js';
import { extractPdf } from '../../interop/test-support/pdf-text.js';
import { makeIntake } from '../../test-support/intake-builder.js';
import { lateSignsNotice } from '../messages/late-signs-notice.js';
import { assessInLanguage } from './assess-in-language.js';
import { instructionsIn } from './instructions-in-language.js';
import { planInLanguage } from './plan-in-language.js';
import { resultInLanguage } from './result-in-language.js';

const library: KnowledgeLibrary = loadKnowledgeLibrary();
const english = library.base;
const turkish = library.for('tr');
const warfarin = { name: 'warfarin', class: 'anticoagulant', ongoing: true };
const onWarfarin = makeIntake({ patient: { medications: [warfarin] } });

const painReliefOf = (kb: KnowledgeBase) => kb.data.aftercare.aftercare.find((i) => i.code === 'pain_relief')!;
const painRelief = (items: readonly TimedInstruction[]) => items.find((i) => i.code === 'pain_relief')?.text;
const codes = (items: readonly TimedInstruction[]) => items.map((i) => i.code);
const planOf = (plan: Plan | undefined): Plan => {
  if (!plan) throw new Error('the assessment has no plan');
  return plan;
};
/** Words of the English pain-relief item, none of which a Turkish text has. */
const englishWords = /\b(discomfort|ice pack|painkiller|clinic|blood thinner|avoid)\b/i;
/** The Turkish "avoid ... NSAIDs / aspirin" clause of the full pain-relief text. */
const turkishAvoid = /kaçının|NSAİİ/;

/** A knowledge base whose preparation and aftercare have no wording for a patient on a blood thinner. */
function withoutWording(kb: KnowledgeBase): KnowledgeBase {
  const strip = <T extends { textOnBloodThinner?: string | undefined }>(items: readonly T[]) =>
    items.map(({ textOnBloodThinner: _, ...rest }) => rest);
  return {
    ...kb,
    data: {
      ...kb.data,
      preparation: { preparation: strip(kb.data.preparation.preparation) },
      aftercare: { ...kb.data.aftercare, aftercare: strip(kb.data.aftercare.aftercare) },
    },
  };
}

/** The same knowledge base with pain relief's wording for a patient on a blood thinner replaced. */
function withPainReliefWording(kb: KnowledgeBase, wording: string): KnowledgeBase {
  const aftercare = kb.data.aftercare.aftercare.map((i) =>
    i.code === 'pain_relief' ? { ...i, textOnBloodThinner: wording } : i,
  );
  return { ...kb, data: { ...kb.data, aftercare: { ...kb.data.aftercare, aftercare } } };
}

describe('the wording for a patient on a prescribed blood thinner', () => {
  it('gives a Turkish reader the Turkish wording of the shortened pain relief, with no English, and no NSAID item', () => {
    const plan = planOf(assessInLanguage(onWarfarin, library, 'tr').plan);
    const text = painRelief(plan.aftercare);
    expect(text).toBe(painReliefOf(turkish).textOnBloodThinner);
    expect(text).not.toMatch(englishWords);
    expect(text).not.toMatch(turkishAvoid);
    expect(text).toContain('düşük doz aspirin dahil');
    for (const item of [...plan.preparation, ...plan.aftercare]) expect(item.text).not.toMatch(englishWords);
    expect(codes(plan.preparation)).not.toContain('avoid_nsaids');
  });

  it('gives an English reader the English wording, and no NSAID item', () => {
    const plan = planOf(assess(onWarfarin, english).plan);
    const wording = painReliefOf(english).textOnBloodThinner;
    expect(wording).toBeDefined();
    expect(painRelief(plan.aftercare)).toBe(wording);
    expect(painRelief(plan.aftercare)).not.toMatch(/avoid|ibuprofen/i);
    expect(codes(plan.preparation)).not.toContain('avoid_nsaids');
    expect(instructionsIn(plan.aftercare, 'aftercare', library, 'en', true)).toEqual(plan.aftercare);
  });

  it('gives a stored plan the wording in the reader’s language once the patient is known to take a blood thinner', () => {
    const before = planOf(assess(makeIntake(), english).plan);
    expect(painRelief(before.aftercare)).toBe(painReliefOf(english).text);
    for (const [language, kb] of [
      ['tr', turkish],
      ['en', english],
    ] as const) {
      const aftercare = instructionsIn(before.aftercare, 'aftercare', library, language, true);
      expect(painRelief(aftercare)).toBe(painReliefOf(kb).textOnBloodThinner);
      const preparation = instructionsIn(before.preparation, 'preparation', library, language, true);
      expect(codes(preparation)).not.toContain('avoid_nsaids');
      // A translation never brings back what the English rules took out.
      const turkishPlan = planInLanguage(before, library, 'tr');
      expect(codes(instructionsIn(turkishPlan.preparation, 'preparation', library, language, true))).toEqual(
        codes(preparation),
      );
    }
  });

  it('keeps a plan made for a patient on a blood thinner in that wording, from language to language', () => {
    const en = assess(onWarfarin, english);
    const fromEnglish = resultInLanguage(en, library, 'tr');
    expect(planOf(fromEnglish.plan).aftercare).toEqual(
      planOf(assessInLanguage(onWarfarin, library, 'tr').plan).aftercare,
    );
    const tr = planOf(assessInLanguage(onWarfarin, library, 'tr').plan);
    // Not knowing the medicines, or knowing no blood thinner now, never gives back the "avoid" clause.
    for (const bloodThinner of [undefined, false]) {
      expect(painRelief(instructionsIn(tr.aftercare, 'aftercare', library, 'en', bloodThinner))).toBe(
        painReliefOf(english).textOnBloodThinner,
      );
      expect(painRelief(instructionsIn(tr.aftercare, 'aftercare', library, 'tr', bloodThinner))).toBe(
        painReliefOf(turkish).textOnBloodThinner,
      );
    }
  });

  it('gives the English wording where a translation lacks it', () => {
    const { folders } = readTranslationFolders(defaultKnowledgeDir);
    const documents = structuredClone(folders.find((f) => f.language === 'tr')!.documents) as Record<string, any>;
    delete documents.aftercare.aftercare.find((i: { code: string }) => i.code === 'pain_relief').textOnBloodThinner;
    const lacking = buildKnowledgeLibrary(english, [{ language: 'tr', documents }]);
    expect(lacking.problems.map((p) => `${p.file}: ${p.path}`)).toEqual([
      'translations/tr/aftercare.yaml: aftercare[pain_relief].textOnBloodThinner',
    ]);
    const plan = planOf(assess(makeIntake(), english).plan);
    const aftercare = instructionsIn(plan.aftercare, 'aftercare', lacking, 'tr', true);
    expect(painRelief(aftercare)).toBe(painReliefOf(english).textOnBloodThinner);
    expect(aftercare.find((i) => i.code === 'no_water')?.text).toBe(
      turkish.data.aftercare.aftercare.find((i) => i.code === 'no_water')?.text,
    );
  });

  it('falls back to the rules’ cut-down English where the knowledge base has no wording at all', () => {
    const bare = knowledgeLibrary(withoutWording(english), new Map([['tr', withoutWording(turkish)]]));
    const plan = planOf(assess(makeIntake(), english).plan);
    const cut = withoutAvoidAspirin([painReliefOf(english)])[0]?.text;
    expect(cut).toMatch(/^For discomfort use an ice pack/);
    expect(painRelief(instructionsIn(plan.aftercare, 'aftercare', bare, 'tr', true))).toBe(cut);
    expect(codes(instructionsIn(plan.preparation, 'preparation', bare, 'tr', true))).not.toContain('avoid_nsaids');
    // A plan stored with that cut-down English is read as the wording, in a language that has one.
    const stored = plan.aftercare.map((i) => (i.code === 'pain_relief' ? { ...i, text: cut! } : i));
    const withTurkish = knowledgeLibrary(withoutWording(english), new Map([['tr', turkish]]));
    expect(painRelief(instructionsIn(stored, 'aftercare', withTurkish, 'tr'))).toBe(
      painReliefOf(turkish).textOnBloodThinner,
    );
  });

  it('never gives a translated wording that the rules would themselves cut or drop', () => {
    for (const wording of [
      'Buz kompresi uygulayın; avoid aspirin and NSAIDs.',
      'Stop your blood thinner two days before; buz kompresi uygulayın.',
    ]) {
      const unsafe = knowledgeLibrary(english, new Map([['tr', withPainReliefWording(turkish, wording)]]));
      const plan = planOf(assess(makeIntake(), english).plan);
      expect(painRelief(instructionsIn(plan.aftercare, 'aftercare', unsafe, 'tr', true))).toBe(
        painReliefOf(english).textOnBloodThinner,
      );
    }
  });

  it('passes the rules again whole, as messages and the aftercare sheet apply them once more', () => {
    const session = bookedSession({
      locale: 'tr-TR',
      patient: { firstName: 'Ayşe', email: 'a@example.test', medications: [warfarin] },
    });
    for (const language of ['tr', 'en']) {
      const plan = planInLanguage(planOf(assess(makeIntake(), english).plan), library, language, {
        bloodThinner: true,
      });
      expect(instructionsFor(plan.aftercare, true)).toEqual(plan.aftercare);
      expect(instructionsFor(plan.preparation, true)).toEqual(plan.preparation);
      const kb = library.for(language);
      const lateSigns = lateSignsNotice(kb);
      const context = messageContext(session, plan, { baseUrl: 'https://clinic.example', lateSigns });
      expect(painRelief(context.aftercare)).toBe(painReliefOf(kb).textOnBloodThinner);
      const avoidNsaids = kb.data.preparation.preparation.find((i) => i.code === 'avoid_nsaids')!.text;
      expect(context.advice.beforehand.length).toBeGreaterThan(0);
      expect(context.advice.beforehand).not.toContain(avoidNsaids);
    }
  });

  it('prints the Turkish wording on a Turkish aftercare sheet for a patient on a blood thinner', async () => {
    const plan = planOf(assess(makeIntake(), english).plan);
    const pdf = await aftercareSheetPdf({
      clinic: { name: 'Klinik Işıl' },
      patient: { firstName: 'Ayşe', lastName: 'Yılmaz' },
      session: { scheduledAt: '2026-11-23T07:00:00Z', durationMinutes: 45 },
      aftercare: instructionsIn(plan.aftercare, 'aftercare', library, 'tr', true),
      lateSigns: lateSignsNotice(turkish),
      sources: turkish.data.sources.sources,
      medications: [warfarin],
      timeZone: 'Europe/Istanbul',
      locale: 'tr-TR',
      labels: turkishAftercareLabels,
    });
    const { flat } = await extractPdf(pdf);
    expect(flat).toContain(painReliefOf(turkish).textOnBloodThinner);
    expect(flat).not.toMatch(/discomfort|ice pack|painkiller|aspirinden kaçının/i);
  });
});
