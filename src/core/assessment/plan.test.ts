import { describe, expect, it } from 'vitest';
import { makeIntake, testKnowledgeBase, type IntakeOverrides } from '../../test-support/intake-builder.js';
import { assess } from './assess.js';
import { sourcedPartsOf } from './test-support/sourced-parts.js';

const kb = testKnowledgeBase();
const plan = (o: IntakeOverrides) => assess(makeIntake(o), kb).plan!;
const FILE_000 = '000_28eead5230689bfd.txt';

describe('plans per protocol', () => {
  it('hair: 4-10 sessions weekly or fortnightly at 2-3 mm, yearly course after (contract example)', () => {
    const p = plan({ request: { indication: 'hair_loss', area: 'scalp' } });
    expect(p).toMatchObject({
      indication: 'hair_loss',
      area: 'scalp',
      sessions: { min: 4, max: 10 },
      intervalDays: { min: 7, max: 14 },
      sources: [FILE_000],
    });
    expect(p.depthMm).toMatchObject({ min: 2, max: 3 });
    expect(p.maintenance.intervalMonths).toEqual({ min: 8, max: 12 });
    expect(p.protocol).toMatchObject({ id: 'hair', generic: false });
  });

  it('face: 4-6 sessions every 1-4 weeks, maintenance every 3-6 months, results from session 2', () => {
    const p = plan({});
    expect(p).toMatchObject({ sessions: { min: 4, max: 6 }, intervalDays: { min: 7, max: 28 } });
    expect(p.maintenance.intervalMonths).toEqual({ min: 3, max: 6 });
    expect(p.resultsExpected.afterSession).toEqual({ min: 2, max: 2 });
    expect(p.mixture.ingredients.map((i) => i.id)).toContain('hyaluronic_acid');
  });

  it('cellulite: weekly for 4-10 weeks, no scheduled maintenance, a large-area session length', () => {
    const p = plan({ request: { indication: 'cellulite', area: 'thighs' } });
    expect(p).toMatchObject({ sessions: { min: 4, max: 10 }, intervalDays: { min: 7, max: 7 } });
    expect(p.maintenance.intervalMonths).toBeUndefined();
    expect(p.durationMinutes).toMatchObject({ min: 45, max: 60 });
  });

  it('around the eyes the injections stay superficial: never the 4 mm the face protocol allows elsewhere', () => {
    const underEye = plan({ request: { indication: 'under_eye', area: 'periorbital' } });
    expect(underEye.depthMm).toMatchObject({ min: 0.5, max: 1 });
    expect(underEye.depthMm.citations).toEqual(
      expect.arrayContaining(['004_ac3d6af5cbd00a71.txt:63', 'outside-references.txt:14']),
    );
    // Whatever the indication: the area keeps its own depth.
    expect(plan({ request: { indication: 'skin_rejuvenation', area: 'periorbital' } }).depthMm.max).toBe(1);
    expect(plan({}).depthMm).toMatchObject({ min: 1, max: 4 });
  });

  it('cellulite is weekly, and reports the source that spaces it two to four weeks', () => {
    const result = assess(makeIntake({ request: { indication: 'cellulite', area: 'thighs' } }), kb);
    const conflict = result.conflicts.find((c) => c.id === 'cellulite_interval')!;
    expect(conflict.statements.map((x) => x.citation)).toEqual([
      '000_28eead5230689bfd.txt:123',
      '004_ac3d6af5cbd00a71.txt:96',
    ]);
    expect(conflict.applied).toMatch(/^Weekly/);
  });

  it('indications without a schedule of their own get the generic course, which says so', () => {
    for (const indication of ['localized_fat', 'stretch_marks', 'scars', 'hyperhidrosis', 'pain']) {
      const id = kb.indications.get(indication)!;
      const p = plan({ request: { indication, area: id.areas[0] } });
      expect(p.protocol).toMatchObject({ id: 'generic', generic: true });
      expect(p.protocol.note).toMatch(/no schedule/);
      expect(p.sessions).toEqual({ min: 8, max: 12 });
      expect(p.laterIntervalDays).toMatchObject({ min: 14, max: 30 });
    }
  });

  it('every indication has a plan for each of its areas, every part sourced', () => {
    for (const indication of kb.indications.values())
      for (const area of indication.areas)
        for (const part of sourcedPartsOf(plan({ request: { indication: indication.id, area } })))
          expect(part.sources.length, `${indication.id}/${area}`).toBeGreaterThan(0);
  });

  it('numbing cream goes on 30-40 minutes ahead; small areas take 20-45 minutes', () => {
    const p = plan({});
    expect(p.anaesthesia).toMatchObject({ creamOffered: true, leadMinutes: { min: 30, max: 40 } });
    expect(p.durationMinutes).toMatchObject({ min: 20, max: 45 });
  });

  it('preparation covers NSAIDs for a week but keeps prescribed blood thinners', () => {
    const prep = plan({}).preparation;
    expect(prep.find((i) => i.code === 'avoid_nsaids')!.hours.max).toBe(168);
    const thinners = prep.find((i) => i.code === 'keep_prescribed_blood_thinners')!;
    expect(thinners.text).toMatch(/Keep taking/);
    // Cited to the house rule, not to the seed line that says to avoid blood thinners (003:57).
    expect(thinners.citations).toEqual(['house-rules.txt:6']);
    expect(thinners.sources).toEqual(['house-rules.txt']);
  });

  it('aftercare: water 10-15 h, other restrictions 48 h; clothing advice only after body areas', () => {
    const face = plan({}).aftercare;
    expect(face.find((i) => i.code === 'no_water')!.hours).toEqual({ min: 10, max: 15 });
    expect(face.find((i) => i.code === 'no_strenuous_exercise')!.hours).toEqual({ min: 48, max: 48 });
    expect(face.map((i) => i.code)).not.toContain('loose_clothing');
    expect(plan({ request: { indication: 'cellulite', area: 'thighs' } }).aftercare.map((i) => i.code)).toContain(
      'loose_clothing',
    );
  });

  it('a deferred patient still gets the plan to follow later; a contraindicated one gets none', () => {
    expect(assess(makeIntake({ patient: { site: { inflammation: true } } }), kb).plan).toBeDefined();
    expect(assess(makeIntake({ patient: { pregnant: true } }), kb).plan).toBeUndefined();
  });

  it('reports the conflicts the plan relied on, with what each source says and the reading applied', () => {
    const result = assess(makeIntake({}), kb);
    const ids = result.conflicts.map((c) => c.id);
    expect(ids).toEqual(
      expect.arrayContaining([
        'session_count',
        'initial_interval',
        'maintenance_spacing',
        'anaesthetic_lead_time',
        'aftercare_duration',
      ]),
    );
    for (const c of result.conflicts) {
      expect(c.statements.length).toBeGreaterThanOrEqual(2);
      expect(c.applied.length).toBeGreaterThan(0);
      expect(c.sources.length).toBeGreaterThan(0);
    }
  });
});

describe('plans for a patient on a prescribed blood thinner', () => {
  const avoidsAspirin = (texts: string[]) => texts.filter((t) => /aspirin|nsaid/i.test(t) && /avoid/i.test(t));
  const texts = (p: ReturnType<typeof plan>) => [...p.preparation, ...p.aftercare].map((i) => i.text);

  it('never tell them to avoid aspirin, whether the plan is for now or for after a deferral', () => {
    for (const medications of [
      [{ name: 'clopidogrel', class: 'antiplatelet', ongoing: true }],
      [{ name: 'aspirin 75 mg', class: 'antiplatelet', ongoing: true }],
      [{ name: 'apixaban', class: 'anticoagulant', ongoing: true }],
    ]) {
      const result = assess(makeIntake({ patient: { medications } }), kb);
      expect(result.verdict).toBe('defer');
      expect(avoidsAspirin(texts(result.plan!))).toEqual([]);
      expect(result.plan!.preparation.map((i) => i.code)).toContain('keep_prescribed_blood_thinners');
    }
  });

  it('still tell everyone else to avoid aspirin and NSAIDs for a week', () => {
    expect(avoidsAspirin(texts(plan({}))).length).toBeGreaterThan(0);
    expect(
      avoidsAspirin(
        texts(plan({ patient: { medications: [{ name: 'ibuprofen', class: 'nsaid', lastDose: '2026-11-01' }] } })),
      ).length,
    ).toBeGreaterThan(0);
  });
});
