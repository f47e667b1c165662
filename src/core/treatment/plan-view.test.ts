import { describe, expect, it } from 'vitest';
import { assess } from '../assessment/assess.js';
import { makeIntake, testKnowledgeBase } from '../../test-support/intake-builder.js';
import { patientAllergens } from './allergy-terms.js';
import { anaesthesiaAgents, judgeProducts, treatmentPlanView } from './plan-view.js';

const kb = testKnowledgeBase();

function planFor(allergies: { substance: string }[], request: Record<string, unknown> = {}) {
  const result = assess(makeIntake({ patient: { allergies }, request }), kb);
  if (!result.plan) throw new Error(`no plan: ${result.verdict}`);
  return result.plan;
}

describe('the plan as the chart page sees it', () => {
  it('gives the depth range, the mixture as ingredient ids and the numbing cream', () => {
    const plan = planFor([]);
    const agents = anaesthesiaAgents(kb, patientAllergens([], kb));
    expect(agents).toEqual([
      { name: kb.data.procedure.anaesthesia.agent, ingredient: 'lidocaine', allowed: true, why: null },
    ]);
    const view = treatmentPlanView(plan, agents);
    expect(view.depthMm).toMatchObject({
      min: plan.depthMm.min,
      max: plan.depthMm.max,
      citations: plan.depthMm.citations,
    });
    expect(view.volumeMl).toBeNull();
    expect(view.mixture.ingredients).toEqual(plan.mixture.ingredients.map((i) => i.id));
    expect(view.mixture.ingredients).toContain('hyaluronic_acid');
    expect(view.anaesthesia).toMatchObject({ creamOffered: true, agents: ['lidocaine'] });
  });

  it('withholds the numbing cream from a patient allergic to its anaesthetic, under any of its names', () => {
    for (const substance of ['lidocaine', 'lignocaine', 'numbing cream']) {
      const allergens = patientAllergens([{ substance }], kb);
      const agents = anaesthesiaAgents(kb, allergens);
      expect(agents).toEqual([
        expect.objectContaining({ ingredient: 'lidocaine', allowed: false, why: 'patient allergic to lidocaine' }),
      ]);
      expect(treatmentPlanView(planFor([{ substance }]), agents).anaesthesia).toMatchObject({
        creamOffered: false,
        agents: [],
      });
    }
  });

  it('lists what an older stored plan left out for an allergy, by ingredient id', () => {
    const plan = planFor([]);
    const older = {
      ...plan,
      mixture: {
        ...plan.mixture,
        ingredients: plan.mixture.ingredients.filter((i) => i.id !== 'zinc'),
        excluded: [{ id: 'zinc', name: 'Zinc' }],
      },
    };
    const view = treatmentPlanView(older, anaesthesiaAgents(kb, patientAllergens([], kb)));
    expect(view.mixture.ingredients).not.toContain('zinc');
    expect(view.mixture.excluded).toEqual(['zinc']);
  });
});

describe('products judged against the plan', () => {
  const products = [
    { id: 'booster', name: 'Skin booster', ingredients: ['Sodium hyaluronate'] },
    { id: 'hair', name: 'Hair cocktail', ingredients: ['vitamin_b', 'minoxidil'] },
    { id: 'brand', name: 'Brand mix', ingredients: ['HA', 'biotin'] },
    { id: 'unknown', name: 'Mystery', ingredients: ['biotin', 'dexpanthenol'] },
    { id: 'zinc', name: 'Zinc shot', ingredients: ['zinc'] },
  ];

  it('a product fits when something in it is in the mixture and nothing known is outside it', () => {
    const judged = judgeProducts(products, planFor([]), patientAllergens([], kb), kb);
    expect(judged.map((p) => [p.id, p.fitsPlan])).toEqual([
      ['booster', true],
      ['hair', false],
      ['brand', true],
      ['unknown', false],
      ['zinc', true],
    ]);
    const scalp = judgeProducts(
      products,
      planFor([], { indication: 'hair_loss', area: 'scalp' }),
      patientAllergens([], kb),
      kb,
    );
    expect(scalp.filter((p) => p.fitsPlan).map((p) => p.id)).toEqual(['hair', 'zinc']);
  });

  it('names the patient’s allergens in each product, under any of their names', () => {
    const allergies = [{ substance: 'zinc' }, { substance: 'lidocaine' }];
    // Scars: the skin-repair mixture, which has no zinc, so the patient can be treated.
    const plan = planFor(allergies, { indication: 'scars', area: 'face' });
    const judged = judgeProducts(
      [...products, { id: 'gel', name: 'Numbing gel', ingredients: ['Lignocaine 5%'] }],
      plan,
      patientAllergens(allergies, kb),
      kb,
    );
    expect(judged.map((p) => [p.id, p.allergens, p.fitsPlan])).toEqual([
      ['booster', [], true],
      ['hair', [], false],
      ['brand', [], true],
      ['unknown', [], false],
      ['zinc', ['zinc'], false],
      ['gel', ['lidocaine'], false],
    ]);
  });

  it('without a plan nothing fits', () => {
    expect(judgeProducts(products, undefined, patientAllergens([], kb), kb).some((p) => p.fitsPlan)).toBe(false);
  });
});
