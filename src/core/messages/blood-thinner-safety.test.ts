import { describe, expect, it } from 'vitest';
import { makeIntake, testKnowledgeBase } from '../../test-support/intake-builder.js';
import { assess } from '../assessment/assess.js';
import {
  decidedText,
  instructionsWithWording,
  keepTakingBloodThinners,
  keptWholeOnBloodThinner,
  mightStopBloodThinners,
  safeInstructions,
  saysAvoidAspirin,
  saysKeepTakingBloodThinners,
  takesBloodThinner,
  withKeepTakingLine,
  withoutAvoidAspirin,
} from './blood-thinner-safety.js';

describe('blood-thinner safety of message texts', () => {
  const verdicts = [
    {
      says: 'recognises advice to stop, pause or skip an anticoagulant or antiplatelet',
      mightStop: true,
      texts: [
        'Stop your anticoagulant five days before.',
        'Please pause warfarin for two days.',
        'Skip clopidogrel on the morning of the session.',
        'Discontinue blood thinners a week ahead.',
        'Come off your DOAC the day before.',
        'Take ibuprofen. Stop rivaroxaban.',
      ],
    },
    {
      says: 'lets through advice to keep taking them, and advice about NSAIDs alone',
      mightStop: false,
      texts: [
        keepTakingBloodThinners,
        'Keep taking any prescribed anticoagulant or antiplatelet medicine exactly as prescribed.',
        'This never means stopping a prescribed blood thinner.',
        'Do not stop your anticoagulant.',
        'Avoid aspirin and other NSAID painkillers for one week. If a doctor prescribed one, ask that doctor before changing anything.',
      ],
    },
  ];
  for (const { says, mightStop, texts } of verdicts)
    it(says, () => {
      for (const text of texts) expect(mightStopBloodThinners(text), text).toBe(mightStop);
    });

  it("passes every preparation and aftercare text of the knowledge base's plan", () => {
    const plan = assess(makeIntake(), testKnowledgeBase()).plan;
    const items = [...(plan?.preparation ?? []), ...(plan?.aftercare ?? [])];
    expect(items.length).toBeGreaterThan(10);
    expect(safeInstructions(items)).toEqual(items);
  });

  it('adds the keep-taking line only when no line says it already', () => {
    expect(withKeepTakingLine(['Avoid alcohol.'])).toEqual(['Avoid alcohol.', keepTakingBloodThinners]);
    const lines = ['Avoid alcohol.', 'Continue your antiplatelet medicine as prescribed.'];
    expect(saysKeepTakingBloodThinners(lines[1] ?? '')).toBe(true);
    expect(withKeepTakingLine(lines)).toEqual(lines);
  });

  it('knows a prescribed blood thinner by class, by name, and aspirin unless it is a painkiller', () => {
    for (const meds of [
      [{ class: 'antiplatelet' }],
      [{ name: 'Apixaban', class: 'anticoagulant' }],
      [{ name: 'clopidogrel', class: 'other' }],
      [{ name: 'Aspirin 100 mg', class: 'antiplatelet' }],
      [{ name: 'aspirin', class: 'other' }],
      [{ name: 'Aspirin 75mg', class: 'nsaid' }],
      [{ name: 'low-dose aspirin', class: 'nsaid' }],
      [
        { name: 'Ibuprofen', class: 'nsaid' },
        { name: 'Warfarin', class: 'other' },
      ],
    ])
      expect(takesBloodThinner(meds), JSON.stringify(meds)).toBe(true);
    for (const meds of [
      [],
      [{ name: 'Aspirin', class: 'nsaid' }],
      [{ name: 'Ibuprofen 400 mg', class: 'nsaid' }],
      [{ name: 'Metformin', class: 'other' }],
    ])
      expect(takesBloodThinner(meds), JSON.stringify(meds)).toBe(false);
  });

  it('recognises advice to avoid aspirin or NSAIDs, not advice to keep taking prescribed aspirin', () => {
    expect(saysAvoidAspirin('Avoid aspirin and other NSAID painkillers for one week.')).toBe(true);
    expect(saysAvoidAspirin('Use an ice pack; avoid aspirin and other NSAIDs.')).toBe(true);
    expect(
      saysAvoidAspirin('Avoid NSAID painkillers, such as ibuprofen or aspirin taken for pain, for one week.'),
    ).toBe(true);
    expect(
      saysAvoidAspirin(
        'Low-dose aspirin prescribed against clots is a blood thinner, not a painkiller, and is not meant here.',
      ),
    ).toBe(false);
    expect(saysAvoidAspirin('Blood thinning drugs such as aspirin should not be used before sessions.')).toBe(true);
    expect(saysAvoidAspirin('Do not stop prescribed aspirin.')).toBe(false);
    expect(saysAvoidAspirin('Keep taking your aspirin as prescribed.')).toBe(false);
    expect(saysAvoidAspirin('Ask the clinic which painkiller to take.')).toBe(false);
  });

  it('takes every avoid-aspirin clause out for a blood-thinner patient, and an item about avoiding them altogether', () => {
    const items = [
      {
        code: 'avoid_nsaids',
        text: 'Avoid aspirin and other NSAID painkillers such as ibuprofen for one week. If a doctor prescribed one, ask that doctor before changing anything.',
      },
      {
        code: 'pain_relief',
        text: 'For discomfort use an ice pack, or ask the clinic which painkiller to take; avoid aspirin and other NSAIDs. This never means stopping a prescribed blood thinner.',
      },
      { code: 'no_water', text: 'Keep water off the treated area.' },
    ];
    // The knowledge base's own texts: the preparation item goes, pain relief keeps its first half.
    const kb = testKnowledgeBase();
    const real = withoutAvoidAspirin([...kb.data.preparation.preparation, ...kb.data.aftercare.aftercare]);
    expect(real.map((i) => i.code)).not.toContain('avoid_nsaids');
    expect(real.find((i) => i.code === 'pain_relief')?.text).toMatch(
      /^For discomfort use an ice pack, or ask the clinic which painkiller to take\. This never means stopping/,
    );
    expect(real.filter((i) => saysAvoidAspirin(i.text))).toEqual([]);
    expect(real.length).toBe(kb.data.preparation.preparation.length + kb.data.aftercare.aftercare.length - 1);
    expect(withoutAvoidAspirin(items)).toEqual([
      {
        code: 'pain_relief',
        text: 'For discomfort use an ice pack, or ask the clinic which painkiller to take. This never means stopping a prescribed blood thinner.',
      },
      { code: 'no_water', text: 'Keep water off the treated area.' },
    ]);
  });

  it('gives an instruction the rules shorten in its own wording, and only one they shorten', () => {
    const items = [
      { code: 'avoid_nsaids', text: 'Avoid aspirin and other NSAID painkillers for one week.' },
      { code: 'pain_relief', text: 'Use an ice pack or ask the clinic which painkiller to take; avoid aspirin.' },
      { code: 'no_water', text: 'Keep water off the treated area.' },
      { code: 'stop', text: 'Stop your blood thinner two days before.' },
    ];
    const wording = new Map([
      ['avoid_nsaids', 'Ask the clinic which painkiller to take.'],
      ['pain_relief', 'Buz kompresi uygulayın ya da hangi ağrı kesiciyi alacağınızı kliniğe sorun.'],
      ['no_water', 'Su değdirmeyin.'],
      ['stop', 'Kan sulandırıcınızı bırakın.'],
    ]);
    const given = (bloodThinner: boolean, words = wording) =>
      instructionsWithWording(items, bloodThinner, (i) => words.get(i.code));
    expect(given(true)).toEqual([
      { code: 'pain_relief', text: 'Buz kompresi uygulayın ya da hangi ağrı kesiciyi alacağınızı kliniğe sorun.' },
      items[2],
    ]);
    expect(given(false)).toEqual(items.slice(0, 3));
    // No wording, or one the rules would cut themselves: the cut-down text, as before.
    const cut = { code: 'pain_relief', text: 'Use an ice pack or ask the clinic which painkiller to take.' };
    expect(given(true, new Map())).toEqual([cut, items[2]]);
    expect(given(true, new Map([['pain_relief', 'Use an ice pack; avoid NSAIDs.']]))).toEqual([cut, items[2]]);
    expect(given(true, new Map([['pain_relief', 'Pause your blood thinner and use an ice pack.']]))).toEqual([
      cut,
      items[2],
    ]);
  });

  it('says what the rules make of one text: dropped, cut or kept whole', () => {
    expect(decidedText('Avoid aspirin for a week.', true)).toBeUndefined();
    expect(decidedText('Avoid aspirin for a week.', false)).toBe('Avoid aspirin for a week.');
    expect(decidedText('Use an ice pack; avoid aspirin.', true)).toBe('Use an ice pack.');
    expect(decidedText('Discontinue blood thinners a week ahead.', false)).toBeUndefined();
    expect(keptWholeOnBloodThinner('Use an ice pack. This never means stopping a prescribed blood thinner.')).toBe(
      true,
    );
    expect(keptWholeOnBloodThinner('Use an ice pack; avoid aspirin.')).toBe(false);
  });
});
